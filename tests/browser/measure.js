// Loaded by tests/html_browser.rs into a harness page that shows the page under test in an
// iframe of the width being checked (never into the published page, which has no script).
// gkMeasure(win) reports horizontal overflow outside the table scrollers of that window.
function gkMeasure(win) {
  var doc = win.document;
  var root = doc.documentElement;
  var vw = root.clientWidth;
  var bad = [];
  var describe = function (el) {
    var cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls;
  };
  var all = doc.body.querySelectorAll("*");
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    if (el.parentElement && el.parentElement.closest(".scroll")) continue;
    var r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) {
      bad.push(describe(el) + " spans " + Math.round(r.left) + ".." + Math.round(r.right));
    }
  }
  var scrollers = doc.querySelectorAll(".scroll");
  var scrolling = 0;
  for (var j = 0; j < scrollers.length; j++) {
    if (scrollers[j].scrollWidth > scrollers[j].clientWidth) scrolling++;
  }
  var hints = doc.querySelectorAll(".scroll-hint");
  var hintsShown = 0;
  for (var k = 0; k < hints.length; k++) {
    if (win.getComputedStyle(hints[k]).display !== "none") hintsShown++;
  }
  return {
    hints: hints.length,
    hints_shown: hintsShown,
    inner_width: win.innerWidth,
    client_width: vw,
    document_scroll_width: root.scrollWidth,
    body_scroll_width: doc.body.scrollWidth,
    scroll_height: root.scrollHeight,
    overflowing: bad.slice(0, 25),
    overflowing_count: bad.length,
    scrollers: scrollers.length,
    scrolling: scrolling,
    tables: doc.querySelectorAll("table").length,
    scripts: doc.querySelectorAll("script").length
  };
}
function gkReport(frame) {
  if (document.getElementById("gk-measure")) return;
  var pre = document.createElement("pre");
  pre.id = "gk-measure";
  pre.textContent = JSON.stringify(gkMeasure(frame.contentWindow));
  document.body.appendChild(pre);
}
(function () {
  var frame = document.getElementById("gk-frame");
  frame.addEventListener("load", function () { gkReport(frame); });
  if (frame.contentDocument && frame.contentDocument.readyState === "complete" && frame.contentDocument.body && frame.contentDocument.body.firstChild) {
    gkReport(frame);
  }
})();
