/* casefile: the letter page.
 *
 * 1. The originals of a translated letter (<details class="cf-original">) are open beside each
 *    paragraph from 1000 px up; below that, the "show all originals" button (a real <button>
 *    with aria-pressed, hidden until this script runs) opens or closes them all at once.
 * 2. Coming back from a note (↩ to a mark inside a paragraph), the paragraph's first line is
 *    scrolled to just below the sticky header, not the line of the mark.
 * 3. The context box's link to the other language's letter page goes there: Material takes over
 *    every click on a link into another language's site and may land on its home page instead.
 * 4. A note's preview (Material's footnote tooltip) is a copy of the note: the copy drops the ids
 *    it carries (a source mark's fnref-…), so that every id on the page stays unique.
 * Without JavaScript each original is still one click away and the browser scrolls to the mark.
 */
(function () {
  "use strict"
  var WIDE = window.matchMedia("(min-width: 62.5em)")

  function originals() {
    return Array.prototype.slice.call(document.querySelectorAll("details.cf-original"))
  }

  function setupOriginals() {
    var all = originals()
    var control = document.querySelector(".cf-originals-control")
    var button = control && control.querySelector("button.cf-originals-toggle")
    if (!all.length) return

    function sync() {
      if (!button) return
      var open = all.every(function (d) { return d.open })
      button.setAttribute("aria-pressed", open ? "true" : "false")
    }
    function openAll(open) {
      all.forEach(function (d) { d.open = open })
      sync()
    }

    if (button) {
      control.hidden = false
      button.addEventListener("click", function () {
        openAll(button.getAttribute("aria-pressed") !== "true")
      })
    }
    document.addEventListener("toggle", function (event) {
      if (event.target.matches && event.target.matches("details.cf-original")) sync()
    }, true)

    if (WIDE.matches) openAll(true)
    var onChange = function (event) { if (event.matches) openAll(true) }
    if (WIDE.addEventListener) WIDE.addEventListener("change", onChange)
    else if (WIDE.addListener) WIDE.addListener(onChange)
  }

  function paragraphOfTarget() {
    var id = decodeURIComponent(location.hash.slice(1))
    var target = id && document.getElementById(id)
    var paragraph = target && target.closest && target.closest(".cf-paragraph")
    return paragraph && paragraph !== target ? paragraph : null
  }

  function settle() {
    var paragraph = paragraphOfTarget()
    if (paragraph) paragraph.scrollIntoView({ block: "start" }) // honours its scroll-margin-top
  }

  function keepOtherLanguageLinks() {
    var links = document.querySelectorAll("a.cf-other-language")
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) { event.stopPropagation() })
    })
  }

  function dropIdsInPreviews() {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) {
          if (node.nodeType !== 1 || !node.classList.contains("md-tooltip2")) return
          Array.prototype.forEach.call(node.querySelectorAll("[id]"), function (el) { el.removeAttribute("id") })
        })
      })
    }).observe(document.body, { childList: true })
  }

  document.addEventListener("DOMContentLoaded", setupOriginals)
  document.addEventListener("DOMContentLoaded", dropIdsInPreviews)
  document.addEventListener("DOMContentLoaded", keepOtherLanguageLinks)
  window.addEventListener("hashchange", settle)
  window.addEventListener("load", function () {
    if (paragraphOfTarget()) requestAnimationFrame(settle)
  })
})()
