// gongkai serve: reloads the disclosure and the problems panel after each rendering.
// The server answers /__gongkai/version?since=N when the version is no longer N (or
// after a while, with the same version); "rendered" is the version of the last good render.
"use strict";
(function () {
  var body = document.body;
  var version = Number(body.getAttribute("data-version"));
  var rendered = Number(body.getAttribute("data-rendered"));
  var frame = document.getElementById("disclosure");
  var problems = document.getElementById("problems");
  var status = document.getElementById("status");

  function later(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  async function follow() {
    for (;;) {
      try {
        var answer = await fetch("/__gongkai/version?since=" + version, { cache: "no-store" });
        if (!answer.ok) { throw new Error(String(answer.status)); }
        var now = await answer.json();
        if (now.version !== version) {
          var panel = await fetch("/__gongkai/problems", { cache: "no-store" });
          problems.innerHTML = await panel.text();
          if (now.rendered !== rendered) { frame.contentWindow.location.reload(); }
          version = now.version;
          rendered = now.rendered;
        }
        status.textContent = "";
      } catch (e) {
        status.textContent = "与预览服务的连接已断开，正在重试……";
        await later(1000);
      }
    }
  }

  follow();
})();
