/** The page's entry: start-up wiring (URL, storage, worker), then React. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { bootstrap } from "./app/bootstrap";
import "./app/styles.css";
import { warmUpProgramClient } from "./worker/client";
import { installCrashGuard } from "./worker/crashGuard";

bootstrap();
installCrashGuard();
warmUpProgramClient();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
