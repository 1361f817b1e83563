/*! Ansan Budget Explorer (안산시 예산 탐색기) embed.js, MIT. Fits each <iframe data-ansan-budget-widget>
 * to its widget, which posts { type: "ansan-budget:height", widget: "overview", height: 612 }. Used only
 * from a marked iframe's window and its src's origin, with a finite height (clamped 120..5000 px).
 * On start, asks loaded widgets again ({ type: "ansan-budget:ask-height" }). Docs: docs/embed.md */
(function () {
  "use strict";
  var FLAG = "__ansanBudgetEmbed";
  if (window[FLAG]) return;
  window[FLAG] = true;

  // Looked up per message, so iframes added later are found too.
  function frameOf(win) {
    var list = document.querySelectorAll("iframe[data-ansan-budget-widget]");
    for (var i = 0; win && i < list.length; i++) {
      if (list[i].contentWindow === win) return list[i];
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var frame = frameOf(event.source);
    var data = event.data;
    var origin;
    if (!frame || !frame.src) return;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return;
    }
    // "null" is the origin of data:, blob: and sandboxed documents: never trusted.
    if (origin === "null" || origin !== event.origin) return;
    if (!data || typeof data !== "object" || data.type !== "ansan-budget:height") return;
    var h = data.height;
    if (typeof h !== "number" || !isFinite(h)) return;
    frame.style.height = Math.ceil(Math.min(5000, Math.max(120, h))) + "px";
  });

  // A widget loaded before this script posted its height to nobody.
  var all = document.querySelectorAll("iframe[data-ansan-budget-widget]");
  for (var i = 0; i < all.length; i++) {
    try {
      all[i].contentWindow.postMessage({ type: "ansan-budget:ask-height" }, new URL(all[i].src, document.baseURI).origin);
    } catch (e) {}
  }
})();
