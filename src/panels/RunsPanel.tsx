/** The runs area: summary, stepper, chart, the runs list and the selected run's details. */
import { useState } from "react";
import { LoopSummary } from "./runs/LoopSummary";
import { RunDetails } from "./runs/RunDetails";
import { RunsList } from "./runs/RunsList";
import { RunStepper } from "./runs/RunStepper";
import { ScalarChart } from "./runs/ScalarChart";
import { SessionMemory } from "./SessionMemory";

type Tab = "run" | "memory";

export function RunsPanel() {
  const [tab, setTab] = useState<Tab>("run");
  return (
    <section className="panel runs-panel" aria-labelledby="runs-title">
      <div className="panel-header">
        <h2 id="runs-title">Runs</h2>
        <LoopSummary />
      </div>
      <RunStepper />
      <ScalarChart />
      <div className="runs-body">
        <RunsList />
        <div className="runs-side">
          <div className="tabs" role="tablist" aria-label="Run views">
            <button type="button" role="tab" id="tab-run" aria-selected={tab === "run"} aria-controls="tabpanel-run" onClick={() => setTab("run")}>
              Selected run
            </button>
            <button type="button" role="tab" id="tab-memory" aria-selected={tab === "memory"} aria-controls="tabpanel-memory" onClick={() => setTab("memory")}>
              Session memory
            </button>
          </div>
          <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
            {tab === "run" ? <RunDetails /> : <SessionMemory />}
          </div>
        </div>
      </div>
    </section>
  );
}
