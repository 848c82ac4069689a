/* casefile preview (never part of the built site): reload the page after a successful rebuild,
 * and show why a rebuild failed in a banner over the last good version, until it is fixed.
 * Served as /__casefile/reload.js, a file, so the pages' Content-Security-Policy allows it. */
(function () {
  "use strict";
  var STATUS = "/__casefile/status";
  var stamp = null;
  var banner = null;

  function show(error) {
    if (!error) {
      if (banner) { banner.remove(); banner = null; }
      return;
    }
    if (!banner) {
      banner = document.createElement("pre");
      banner.id = "casefile-preview-error";
      banner.setAttribute("role", "alert");
      var s = banner.style; /* the CSSOM, which a style-src 'self' policy allows */
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "10000";
      s.margin = "0"; s.padding = "0.8em 1em"; s.maxHeight = "45vh"; s.overflow = "auto";
      s.background = "#8b0000"; s.color = "#fff"; s.font = "13px/1.4 monospace"; s.whiteSpace = "pre-wrap";
      document.body.appendChild(banner);
    }
    banner.textContent = "Preview: the last rebuild failed; this page is the last good version.\n\n" + error;
  }

  /* The server answers `?since=VERSION` as soon as a rebuild finishes (long polling), so the page
   * reloads the moment its new version is there; after an error it waits a little before asking. */
  var version = null;
  function poll() {
    var url = STATUS + (version === null ? "" : "?since=" + version);
    fetch(url, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        version = status.version;
        if (stamp === null) stamp = status.stamp;
        else if (status.stamp !== stamp) { location.reload(); return; }
        show(status.error);
        setTimeout(poll, 0);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
