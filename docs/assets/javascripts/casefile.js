/* casefile: small fixes to Material's behaviour.
 *
 * 1. Keep the reader's place when switching language. Pages and anchors are identical in both
 *    languages, so the switcher links to the same page; here we add the current #anchor. We stop
 *    the click from reaching Material's own alternate handler, which would look the page up in a
 *    sitemap and may fall back to the home page.
 * 2. Material's header buttons for the navigation drawer and the search are <label>s, which a
 *    keyboard cannot reach; we make them focusable buttons with a name in the page's language.
 */
(function () {
  "use strict"
  var NAMES = {
    __drawer: { es: "Abrir la navegación", en: "Open the navigation" },
    __search: { es: "Buscar", en: "Search" }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var lang = document.documentElement.lang === "en" ? "en" : "es"
    Object.keys(NAMES).forEach(function (id) {
      var buttons = document.querySelectorAll('label.md-header__button[for="' + id + '"]')
      Array.prototype.forEach.call(buttons, function (label) {
        label.setAttribute("role", "button")
        label.setAttribute("tabindex", "0")
        label.setAttribute("aria-label", NAMES[id][lang])
        label.addEventListener("keydown", function (event) {
          if (event.key !== " ") return // Material itself clicks a focused label on Enter
          event.preventDefault()
          label.click()
        })
      })
    })

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
