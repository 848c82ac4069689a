/* casefile: small fixes to Material's behaviour.
 *
 * 1. Keep the reader's place when switching language. Pages and anchors are identical in both
 *    languages, so the switcher links to the same page; here we add the current #anchor. We stop
 *    the click from reaching Material's own alternate handler (idle here: it acts on the pages
 *    named by <link rel=alternate>, which ours leave out).
 * 2. Material's header buttons for the navigation drawer and the search are <label>s of hidden
 *    checkboxes, which a keyboard cannot reach (and a <label> may not take role="button"). We put
 *    real <button>s in their place, named in the page's language. A button opens its panel (it
 *    never toggles it shut): pressing it twice, or Enter then Space, always leaves it open. Material
 *    styles the labels by [for=…]; header-buttons.css gives the buttons the same rules.
 * 3. The drawer's checkbox has no autocomplete="off" (theme/valid_html.py drops it: HTML forbids it
 *    there), so a browser may restore it checked on reload; we close it again.
 * 4. Material's search dialog (role="dialog") has no accessible name (axe: aria-dialog-name); it
 *    gets the search button's.
 */
(function () {
  "use strict"
  var NAMES = {
    __drawer: { es: "Abrir la navegación", en: "Open the navigation" },
    __search: { es: "Buscar", en: "Search" }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var lang = document.documentElement.lang === "en" ? "en" : "es"
    var drawer = document.getElementById("__drawer")
    if (drawer && drawer.checked) drawer.click()
    var dialog = document.querySelector(".md-search[role=dialog]")
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", NAMES.__search[lang])
    Object.keys(NAMES).forEach(function (id) {
      var toggle = document.getElementById(id)
      if (!toggle) return
      var labels = document.querySelectorAll('label.md-header__button[for="' + id + '"]')
      Array.prototype.forEach.call(labels, function (label) {
        var button = document.createElement("button")
        button.type = "button"
        button.className = label.className
        button.setAttribute("data-casefile-opens", id)
        button.setAttribute("aria-label", NAMES[id][lang])
        while (label.firstChild) button.appendChild(label.firstChild)
        button.addEventListener("click", function () {
          if (!toggle.checked) toggle.click() // a click, so that Material hears the change
          if (id === "__search") {
            var input = document.querySelector("input.md-search__input")
            if (input) input.focus()
          }
        })
        label.parentNode.replaceChild(button, label)
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
