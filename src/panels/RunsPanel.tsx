/** The runs area: summary, stepper, chart, the runs list and the selected run's details. */
import { useState } from "react";
import { LoopSummary } from "./runs/LoopSummary";
import { RunDetails } from "./runs/RunDetails";
import { RunsList } from "./runs/RunsList";
import { RunStepper } from "./runs/RunStepper";
import { ScalarChart } from "./runs/ScalarChart";
import { SessionMemory } from "./SessionMemory";
import { FilesPanel } from "../files/FilesPanel";

type Tab = "run" | "chart" | "memory" | "files";

const TABS: { id: Tab; label: string }[] = [
  { id: "run", label: "Selected run" },
  { id: "chart", label: "Chart" },
  { id: "memory", label: "Session memory" },
  { id: "files", label: "Files" },
];

export function RunsPanel() {
  const [tab, setTab] = useState<Tab>("run");
  return (
    <section className="panel runs-panel" aria-labelledby="runs-title">
      <div className="panel-header">
        <h2 id="runs-title">Runs</h2>
        <LoopSummary />
      </div>
      <RunStepper />
      <div className="runs-body">
        <RunsList />
        <div className="runs-side">
          <div className="tabs" role="tablist" aria-label="Run views">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`tabpanel-${t.id}`} onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
            {tab === "run" ? <RunDetails /> : tab === "chart" ? <ScalarChart /> : tab === "memory" ? <SessionMemory /> : <FilesPanel />}
          </div>
        </div>
      </div>
    </section>
  );
}
