/**
 * The Files tab: the files programs wrote (checkpoints, their `checkpoint` state files, event
 * files), kept in the browser between visits. Each can be downloaded or deleted; a checkpoint
 * (.npz) can be uploaded, and a program restores it from /uploads/.
 */
import { useRef, useState } from "react";
import { fileBytes, removeFile, uploadCheckpoint, useFiles, UPLOAD_DIR } from "./files";
import "./files.css";

function sizeText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function download(path: string): void {
  const bytes = fileBytes(path);
  if (bytes === null) return;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/octet-stream" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = path.split("/").pop() || "file";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function FilesPanel() {
  const files = useFiles((s) => s.files);
  const loaded = useFiles((s) => s.loaded);
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const onUpload = async (list: FileList | null) => {
    const file = list?.[0];
    if (!file) return;
    try {
      const prefix = uploadCheckpoint(file.name, new Uint8Array(await file.arrayBuffer()));
      setNote({ ok: true, text: `Stored as ${prefix}.npz. Restore it with saver.restore(sess, tf.train.latest_checkpoint("${UPLOAD_DIR}")).` });
    } catch (error) {
      setNote({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
    if (input.current) input.current.value = "";
  };

  return (
    <div className="files-panel" aria-label="Files">
      <p className="muted files-intro">
        What programs save, kept in this browser: <code>tf.train.Saver</code>'s checkpoints (numpy <code>.npz</code> files: <code>np.load</code> reads them) and{" "}
        <code>tf.summary.FileWriter</code>'s event files (TensorBoard reads them).
      </p>
      <div className="files-actions">
        <label className="btn btn-small">
          Upload a checkpoint…
          <input ref={input} type="file" accept=".npz" className="sr-only" data-testid="files-upload" onChange={(e) => void onUpload(e.currentTarget.files)} />
        </label>
      </div>
      {note && (
        <p className={note.ok ? "files-note" : "files-note files-error"} role={note.ok ? "status" : "alert"}>
          {note.text}
        </p>
      )}
      {!loaded ? (
        <p className="muted">Reading the stored files…</p>
      ) : files.length === 0 ? (
        <p className="muted">No files yet: a program's <code>saver.save(sess, "/tmp/model.ckpt")</code> puts its checkpoint here.</p>
      ) : (
        <table className="memory-table files-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">Saved</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path} data-file={f.path}>
                <td>
                  <code>{f.path}</code>
                </td>
                <td>{sizeText(f.size)}</td>
                <td>{new Date(f.mtime).toLocaleTimeString()}</td>
                <td className="files-row-actions">
                  <button type="button" className="btn btn-small" onClick={() => download(f.path)} aria-label={`Download ${f.path}`}>
                    Download
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => removeFile(f.path)} aria-label={`Delete ${f.path}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
