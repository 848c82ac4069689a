/* casefile: keep the reader's place when switching language.
 *
 * Pages and anchors are identical in both languages, so the switcher links to the same page;
 * here we add the current #anchor. We stop the click from reaching Material's own alternate
 * handler, which would look the page up in a sitemap and may fall back to the home page.
 */
(function () {
  "use strict"
  document.addEventListener("DOMContentLoaded", function () {
    var links = document.querySelectorAll("a[data-casefile-alternate]")
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
        event.preventDefault()
        event.stopPropagation()
        location.href = link.href.split("#")[0] + location.hash
      })
    })
  })
})()
