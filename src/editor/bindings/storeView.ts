/** What the editor bindings read from the store. */
import type { AppState } from "../../store";
export { runAt, useStore } from "../../store";

export type AppStateForMarkers = Pick<AppState, "program" | "selection">;
