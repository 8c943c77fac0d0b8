// Loaded by tests/html_browser.rs into a harness page that shows the page under test in an
// iframe of the width being checked (never into the published page, which has no script).
// gkMeasure(win, keep) reports horizontal overflow outside the table scrollers of that
// window, lines of a single character in table cells and chart labels, and titles broken
// inside one of the phrases `keep` (the unit's name).
function gkMeasure(win, keep) {
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
  var lone = gkLoneCharacters(win, doc.querySelectorAll("th, td, .chart-label"), describe);
  var brokenPhrases = gkBrokenPhrases(win, doc.querySelectorAll("h1, h2, h3, h4, h5, .table-subtitle, .table-meta, .toc a, .signature p"), keep || [], describe);
  var hints = doc.querySelectorAll(".scroll-hint");
  return {
    lone_characters: lone.slice(0, 25),
    lone_count: lone.length,
    broken_phrases: brokenPhrases.slice(0, 25),
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
// Every visible character of `el` in text order: {ch, rect} (whitespace left out).
function gkCharacters(doc, el) {
  var out = [];
  var walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  var range = doc.createRange();
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var text = node.data;
    for (var k = 0; k < text.length; k++) {
      var code = text.charCodeAt(k);
      var size = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      var ch = text.substr(k, size);
      if (!/\s/.test(ch)) {
        range.setStart(node, k);
        range.setEnd(node, k + size);
        var rects = range.getClientRects();
        for (var q = 0; q < rects.length; q++) {
          if (rects[q].width >= 0.5) { out.push({ ch: ch, rect: rects[q] }); break; }
        }
      }
      k += size - 1;
    }
  }
  return out;
}
// The characters of `chars` grouped into lines (a new line starts where a character sits
// lower than the one before it).
function gkLines(chars) {
  var lines = [];
  for (var i = 0; i < chars.length; i++) {
    var prev = i > 0 ? chars[i - 1].rect : null;
    var r = chars[i].rect;
    if (!prev || r.top > prev.top + r.height / 2) lines.push([]);
    lines[lines.length - 1].push(chars[i]);
  }
  return lines;
}
// Elements of more than one character with a line holding a single character.
function gkLoneCharacters(win, els, describe) {
  var out = [];
  for (var e = 0; e < els.length; e++) {
    var chars = gkCharacters(win.document, els[e]);
    if (chars.length < 2) continue;
    var lines = gkLines(chars);
    for (var l = 0; l < lines.length; l++) {
      if (lines[l].length === 1) {
        out.push(describe(els[e]) + " “" + lines.map(function (line) {
          return line.map(function (c) { return c.ch; }).join("");
        }).join(" / ") + "”");
        break;
      }
    }
  }
  return out;
}
// Titles in which a phrase of `keep` runs over two lines although it alone fits on one
// (the width of its characters is at most the element's content width).
function gkBrokenPhrases(win, els, keep, describe) {
  var out = [];
  for (var e = 0; e < els.length; e++) {
    var el = els[e];
    var chars = gkCharacters(win.document, el);
    // The line's room: the content width of the element, or of its block when it is inline.
    var box = el;
    while (box.parentElement && win.getComputedStyle(box).display === "inline") box = box.parentElement;
    var st = win.getComputedStyle(box);
    var room = box.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
    for (var p = 0; p < keep.length; p++) {
      var phrase = Array.from(keep[p].replace(/\s+/g, ""));
      if (!phrase.length) continue;
      for (var at = 0; at + phrase.length <= chars.length; at++) {
        var part = chars.slice(at, at + phrase.length);
        if (!part.every(function (c, n) { return c.ch === phrase[n]; })) continue;
        var width = part.reduce(function (w, c) { return w + c.rect.width; }, 0);
        if (gkLines(part).length > 1 && width <= room + 0.5) {
          out.push(describe(el) + " “" + gkLines(chars).map(function (line) {
            return line.map(function (c) { return c.ch; }).join("");
          }).join(" / ") + "”");
        }
      }
    }
  }
  return out;
}
function gkReport(frame) {
  if (document.getElementById("gk-measure")) return;
  var pre = document.createElement("pre");
  pre.id = "gk-measure";
  pre.textContent = JSON.stringify(gkMeasure(frame.contentWindow, window.GK_KEEP));
  document.body.appendChild(pre);
}
(function () {
  var frame = document.getElementById("gk-frame");
  frame.addEventListener("load", function () { gkReport(frame); });
  if (frame.contentDocument && frame.contentDocument.readyState === "complete" && frame.contentDocument.body && frame.contentDocument.body.firstChild) {
    gkReport(frame);
  }
})();
