/** The learner's names for the current program (src/ui/programNames.ts), for panels. */
import { useStore } from "../store";
import { programNames, type ProgramNames } from "./programNames";

export function useProgramNames(): ProgramNames {
  const nodes = useStore((s) => s.program.nodes);
  const source = useStore((s) => s.program.source);
  return programNames(nodes, source);
}
