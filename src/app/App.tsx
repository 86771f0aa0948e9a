/**
 * The page: toolbar, banner, the first-visit welcome, and the workspace — split panes on a wide
 * screen (layout/DesktopWorkspace.tsx), tabs on a narrow one (layout/CompactWorkspace.tsx).
 * `?embed=1` swaps the toolbar for a compact title bar; `?hide=lessons,console,...` leaves
 * panes out (src/app/pageOptions.ts reads both).
 */
import { BannerBar } from "./BannerBar";
import { EmbedBar } from "./EmbedBar";
import { CompactWorkspace } from "./layout/CompactWorkspace";
import { DesktopWorkspace } from "./layout/DesktopWorkspace";
import { KeptPanes } from "./layout/kept";
import { EditorPane, GraphArea } from "./layout/panes";
import { COMPACT_QUERY, useMediaQuery } from "./layout/useMediaQuery";
import { PaneBoundary } from "./PaneBoundary";
import { PAGE } from "./pageOptions";
import { Toolbar } from "./Toolbar";
import { useShortcuts } from "./useShortcuts";
import { useThemeEffect } from "./useThemeEffect";
import { Welcome } from "./Welcome";
import "./layout/layout.css";

const KEPT = {
  ...(PAGE.hidden.has("graph") ? {} : { graph: <GraphArea /> }),
  ...(PAGE.hidden.has("editor") ? {} : { editor: <EditorPane /> }),
};

export function App() {
  useThemeEffect();
  useShortcuts();
  const compact = useMediaQuery(COMPACT_QUERY);
  return (
    <div className={`app${PAGE.embed ? " app-embed" : ""}${compact ? " app-narrow" : ""}`}>
      <PaneBoundary name="toolbar">{PAGE.embed ? <EmbedBar /> : <Toolbar compact={compact} />}</PaneBoundary>
      {/* Also in an embed: a link that cannot be opened must say so wherever it is shown. */}
      <PaneBoundary name="banner">
        <BannerBar />
      </PaneBoundary>
      <PaneBoundary name="welcome">
        <Welcome />
      </PaneBoundary>
      {/* The graph and the editor stay mounted when the layout changes (layout/kept.tsx). */}
      <KeptPanes panes={KEPT}>{compact ? <CompactWorkspace page={PAGE} /> : <DesktopWorkspace page={PAGE} />}</KeptPanes>
    </div>
  );
}
