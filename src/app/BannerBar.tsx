/** The page-level message (shared link loaded, link broken, link copied), dismissible. */
import { showBanner, useStore } from "../store";

const ICON = { info: "ℹ", success: "✓", warning: "!", error: "✕" } as const;

export function BannerBar() {
  const banner = useStore((s) => s.ui.banner);
  if (!banner) return null;
  return (
    <div className={`banner banner-${banner.kind}`} role={banner.kind === "error" ? "alert" : "status"} data-testid="banner">
      <span className="banner-icon" aria-hidden="true">{ICON[banner.kind]}</span>
      <span className="banner-text">{banner.text}</span>
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
