/** Text with `backtick` spans shown as code (names in messages are written that way). */
import { Fragment } from "react";

export function CodeText({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}
