/**
 * What every colour, shape and line means, drawn with the canvas's own palette so the legend
 * cannot drift from the picture.
 */
import type { ReactNode } from "react";
import type { Palette } from "../render/palette";
import { DEVICE_COLOURS } from "../render/scene";

type Shape = "ellipse" | "rhomboid" | "barrel" | "rect" | "octagon" | "double";

function NodeSwatch({ shape, fill, stroke, width = 1.5, ring, dash }: { shape: Shape; fill: string; stroke: string; width?: number; ring?: string; dash?: string }) {
  const common = { fill, stroke, strokeWidth: width, strokeDasharray: dash };
  let body: ReactNode;
  switch (shape) {
    case "ellipse":
      body = <ellipse cx="18" cy="10" rx="14" ry="7" {...common} />;
      break;
    case "rhomboid":
      body = <polygon points="8,3 32,3 28,17 4,17" {...common} />;
      break;
    case "barrel":
      body = <path d="M6 4 Q18 0 30 4 L30 16 Q18 20 6 16 Z" {...common} />;
      break;
    case "octagon":
      body = <polygon points="10,2 26,2 32,7 32,13 26,18 10,18 4,13 4,7" {...common} />;
      break;
    case "double":
      body = (
        <>
          <rect x="3" y="2" width="30" height="16" rx="4" {...common} />
          <rect x="6" y="5" width="24" height="10" rx="2" fill="none" stroke={stroke} strokeWidth={1} />
        </>
      );
      break;
    default:
      body = <rect x="4" y="3" width="28" height="14" rx="4" {...common} />;
  }
  return (
    <svg width="36" height="20" viewBox="0 0 36 20" aria-hidden="true">
      {ring && <rect x="1" y="0.5" width="34" height="19" rx="6" fill="none" stroke={ring} strokeWidth={2} />}
      {body}
    </svg>
  );
}

function EdgeSwatch({ color, dash, width = 1.5, head = "triangle" }: { color: string; dash?: string; width?: number; head?: "triangle" | "vee" | "diamond" }) {
  const heads = {
    triangle: <polygon points="28,5 36,10 28,15" fill={color} />,
    vee: <polyline points="28,5 35,10 28,15" fill="none" stroke={color} strokeWidth={1.6} />,
    diamond: <polygon points="28,10 32,6 36,10 32,14" fill={color} />,
  };
  return (
    <svg width="38" height="20" viewBox="0 0 38 20" aria-hidden="true">
      <line x1="2" y1="10" x2="29" y2="10" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      {heads[head]}
    </svg>
  );
}

function Glow({ color, opacity = 0.7, inner = false }: { color: string; opacity?: number; inner?: boolean }) {
  return (
    <svg width="36" height="20" viewBox="0 0 36 20" aria-hidden="true">
      {!inner && <rect x="0" y="0" width="36" height="20" rx="6" fill={color} opacity={opacity} />}
      <rect x="5" y="4" width="26" height="12" rx="3" fill="none" stroke="currentColor" strokeWidth={1.2} />
      {inner && <rect x="5" y="4" width="26" height="12" rx="3" fill={color} opacity={opacity} />}
    </svg>
  );
}

function Row({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li>
      {swatch}
      <span>{children}</span>
    </li>
  );
}

export function Legend({ palette: p, devices = false }: { palette: Palette; devices?: boolean }) {
  const c = p.categories;
  return (
    // Focusable: it scrolls, and keyboard users must be able to scroll it.
    <div className="gp-legend" aria-label="Legend" role="group" tabIndex={0}>
      <div>
        <h3>Nodes</h3>
        <ul>
          <Row swatch={<NodeSwatch shape="ellipse" fill={c.constant.fill} stroke={c.constant.border} />}>constant (same value every run)</Row>
          <Row swatch={<NodeSwatch shape="rhomboid" fill={c.placeholder.fill} stroke={c.placeholder.border} />}>placeholder (fed each run)</Row>
          <Row swatch={<NodeSwatch shape="barrel" fill={c.variable.fill} stroke={c.variable.border} />}>variable (value kept in the session)</Row>
          <Row swatch={<NodeSwatch shape="rect" fill={c.op.fill} stroke={c.op.border} />}>operation</Row>
          <Row swatch={<NodeSwatch shape="octagon" fill={c.assign.fill} stroke={c.assign.border} />}>side effect: ← assign, ✎ print, Δ update, ◇ group (init, train op)</Row>
          <Row swatch={<NodeSwatch shape="double" fill={p.collapsed.fill} stroke={p.collapsed.border} />}>⊞ collapsed scope (double-click to open)</Row>
        </ul>
      </div>
      {devices && (
        <div>
          <h3>Devices (fill)</h3>
          <ul>
            {Object.entries(DEVICE_COLOURS).map(([k, c]) => (
              <Row key={k} swatch={<NodeSwatch shape="rect" fill={c.fill} stroke={c.border} />}>
                {c.label}
              </Row>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3>Edges</h3>
        <ul>
          <Row swatch={<EdgeSwatch color={p.edge} />}>data: a tensor flows along it</Row>
          <Row swatch={<EdgeSwatch color={p.edge} dash="5 3" head="vee" />}>control dependency: waits, reads nothing</Row>
          <Row swatch={<EdgeSwatch color={p.ref} dash="2 3" width={2} head="diamond" />}>reference: assign → the variable it writes (not a dependency)</Row>
          <Row swatch={<EdgeSwatch color={p.edge} width={2} />}>in a while frame, NextIteration → Merge: the loop&apos;s back edge</Row>
        </ul>
      </div>
      <div>
        <h3>Selected run</h3>
        <ul>
          <Row swatch={<NodeSwatch shape="rect" fill={c.op.fill} stroke={p.path} width={3} />}>on the computation path (lit in execution order)</Row>
          <Row swatch={<NodeSwatch shape="rect" fill={c.op.fill} stroke={p.path} width={3} ring={p.path} />}>fetched (ringed)</Row>
          <Row swatch={<NodeSwatch shape="rhomboid" fill={p.fedFill} stroke={p.fed} width={3} />}>fed, with its value</Row>
          <Row swatch={<NodeSwatch shape="octagon" fill={p.effectFill} stroke={p.effect} width={3} />}>side effect fired, with what it did</Row>
          <Row swatch={<NodeSwatch shape="rect" fill={p.errorFill} stroke={p.error} width={4} />}>red, ✕: where the run failed, and the path to it</Row>
          <Row swatch={<span style={{ opacity: 0.3 }}><NodeSwatch shape="rect" fill={c.op.fill} stroke={c.op.border} /></span>}>faded: not used by this run</Row>
          <Row swatch={<span style={{ opacity: 0.4 }}><NodeSwatch shape="rect" fill={c.op.fill} stroke={c.op.border} dash="3 2" /></span>}>dashed and faded: in a tf.cond branch this run did not take (dead)</Row>
        </ul>
      </div>
      <div>
        <h3>Pointers</h3>
        <ul>
          <Row swatch={<Glow color={p.match} />}>made by the editor&apos;s current line, or hovered in a lesson</Row>
          <Row swatch={<Glow color={p.hint} opacity={0.45} />}>a hint below the graph is about it</Row>
          <Row swatch={<Glow color={p.selected} opacity={0.3} inner />}>selected (details in the inspector)</Row>
        </ul>
      </div>
    </div>
  );
}
