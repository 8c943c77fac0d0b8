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
  // Per table: does its box scroll, and is its 可左右滑动 hint shown (a hint is "shown"
  // when it takes room and is not hidden)?
  var shown = function (el) {
    if (!el) return false;
    var r = el.getBoundingClientRect();
    var st = win.getComputedStyle(el);
    return r.height > 4 && st.display !== "none" && st.visibility !== "hidden";
  };
  var scrollers = doc.querySelectorAll(".scroll");
  var scrolling = 0;
  var hintsShown = 0;
  var hintMismatch = [];
  for (var j = 0; j < scrollers.length; j++) {
    var sc = scrollers[j];
    var scrolls = sc.scrollWidth > sc.clientWidth + 1;
    if (scrolls) scrolling++;
    var hint = sc.querySelector(".scroll-hint");
    var on = shown(hint);
    if (on) hintsShown++;
    if (on !== scrolls) {
      var block = sc.closest(".table-block");
      hintMismatch.push((block ? block.id : "?") + (scrolls ? " scrolls without its hint" : " shows a hint but does not scroll"));
    }
  }
  // Figures and short values (.num, .nb) are never broken over two lines, and no cell's
  // text is cut off.
  var lineCount = function (el) {
    var range = doc.createRange();
    range.selectNodeContents(el);
    var tops = [];
    var rects = range.getClientRects();
    for (var q = 0; q < rects.length; q++) {
      if (rects[q].width < 0.5) continue;
      var t = Math.round(rects[q].top);
      if (tops.every(function (x) { return Math.abs(x - t) > 3; })) tops.push(t);
    }
    return tops.length;
  };
  var broken = [];
  var figures = doc.querySelectorAll(".num, .nb");
  for (var f = 0; f < figures.length; f++) {
    if (figures[f].textContent.trim() && lineCount(figures[f]) > 1) {
      broken.push(describe(figures[f]) + " “" + figures[f].textContent.trim() + "”");
    }
  }
  var clipped = [];
  var cells = doc.querySelectorAll("td, th");
  for (var c = 0; c < cells.length; c++) {
    if (cells[c].scrollWidth > cells[c].clientWidth + 1) {
      clipped.push(describe(cells[c]) + " “" + cells[c].textContent.trim().slice(0, 20) + "”");
    }
  }
  var hints = doc.querySelectorAll(".scroll-hint");
  return {
    hints: hints.length,
    hints_shown: hintsShown,
    hint_mismatch: hintMismatch,
    broken_figures: broken.slice(0, 25),
    broken_count: broken.length,
    clipped_cells: clipped.slice(0, 25),
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
