/** The page-level message (shared link loaded, link broken, link copied), dismissible. */
import { showBanner, useStore } from "../store";

const ICON = { info: "ℹ", success: "✓", warning: "!", error: "✕" } as const;

export function BannerBar() {
  const banner = useStore((s) => s.ui.banner);
  if (!banner) return null;
  return (
    <div className={`banner banner-${banner.kind}${banner.progress ? " banner-with-progress" : ""}`} role={banner.kind === "error" ? "alert" : "status"} data-testid="banner">
      <span className="banner-icon" aria-hidden="true">{ICON[banner.kind]}</span>
      <span className="banner-text">{banner.text}</span>
      {banner.progress && <BannerProgress {...banner.progress} name={banner.text} />}
      {banner.link && <input className="banner-link" readOnly value={banner.link} aria-label="Share link URL" onFocus={(e) => e.currentTarget.select()} />}
      {banner.action && (
        <button
          type="button"
          className="btn"
          onClick={() => {
            banner.action!.run();
            showBanner(null);
          }}
        >
          {banner.action.label}
        </button>
      )}
      <button type="button" className="btn btn-quiet" onClick={() => showBanner(null)} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}

/**
 * A progress bar (with its words beside it, hidden from screen readers, who hear them as the
 * bar's value): the banner's live region announces the banner's text when it changes, not
 * every byte.
 */
function BannerProgress({ value, max, label, name }: { value: number | null; max: number; label: string; name: string }) {
  const known = value !== null && max > 0;
  return (
    <span className="banner-progress">
      <span
        className={`banner-bar${known ? "" : " banner-bar-busy"}`}
        role="progressbar"
        aria-label={name}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? max : undefined}
        aria-valuenow={known ? value : undefined}
        aria-valuetext={label || undefined}
      >
        <span className="banner-bar-fill" style={known ? { width: `${Math.min(100, (100 * value) / max).toFixed(1)}%` } : undefined} />
      </span>
      {label && <span aria-hidden="true">{label}</span>}
    </span>
  );
}
