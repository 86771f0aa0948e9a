/** The console slice: the program's output lines with head/tail retention. */
import type { StateCreator } from "zustand";
import { emptyConsole, type ConsoleState } from "./consoleLines";

export interface ConsoleSlice {
  console: ConsoleState;
}

export const createConsoleSlice: StateCreator<ConsoleSlice, [], [], ConsoleSlice> = () => ({
  console: emptyConsole(),
});
