/*! Ansan Budget Explorer (안산시 예산 탐색기) - embed.js, the host page's script. MIT licence.
 * Sizes each <iframe data-ansan-budget-widget> to its widget's content. The widget posts
 *   { type: "ansan-budget:height", widget: "overview", height: 612 }
 * A message is used only if it comes from a marked iframe's own window and from the origin of
 * that iframe's src, and its height is a finite number (clamped to 120..5000 CSS px).
 * Without this script the iframe simply keeps its own height (560 px). Docs: docs/embed.md */
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
})();
