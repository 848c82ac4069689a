/* casefile: "Copy link" on every fact, paragraph, note, key figure, event, commitment, signatory
 * and source.
 *
 * Each control is a link to the record's share page (/<lang>/d/<id>/), rendered by the site:
 * without JavaScript it is simply that link. Here it becomes a button that copies the share link
 * as an absolute address (resolved from the page's location, so a ?h= search highlight or a
 * #anchor never comes along) and says "Link copied" through a polite live region. Where the
 * clipboard cannot be written, the link is shown selected in a small field instead, to copy by
 * hand. The words come from the page (#cf-share-strings), in its language.
 * Also: the 404 page's search button opens Material's search.
 */
(function () {
  "use strict"
  var live = null
  var hideTimer = null

  function strings() {
    var node = document.getElementById("cf-share-strings")
    try {
      return JSON.parse(node.textContent)
    } catch (err) {
      return { copied: "Link copied", select: "Link selected: copy it with Ctrl+C", field: "Link" }
    }
  }

  function announce(text) {
    live.textContent = ""
    live.classList.add("cf-live--shown")
    // A fresh text node is announced even when the message is the same as the last one.
    window.setTimeout(function () { live.textContent = text }, 50)
    window.clearTimeout(hideTimer)
    hideTimer = window.setTimeout(function () { live.classList.remove("cf-live--shown") }, 3000)
  }

  function shareUrl(control) {
    return new URL(control.getAttribute("href"), location.href).href
  }

  function byHand(control, url, words) {
    var field = control.parentNode.querySelector("input.cf-share-field")
    if (!field) {
      field = document.createElement("input")
      field.type = "text"
      field.readOnly = true
      field.className = "cf-share-field"
      field.setAttribute("aria-label", words.field)
      field.addEventListener("blur", function () { field.remove() })
      control.parentNode.appendChild(field)
    }
    field.value = url
    field.focus()
    field.select()
    var copied = false
    try {
      copied = document.execCommand("copy")
    } catch (err) {
      copied = false
    }
    if (copied) {
      control.focus() // removes the field (blur)
      announce(words.copied)
    } else {
      announce(words.select)
    }
  }

  function copy(control, words) {
    var url = shareUrl(control)
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { announce(words.copied) },
        function () { byHand(control, url, words) }
      )
    } else {
      byHand(control, url, words)
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    // The 404 page's "Search the case file" button opens Material's search.
    Array.prototype.forEach.call(document.querySelectorAll("button[data-cf-open-search]"), function (button) {
      button.addEventListener("click", function () {
        var toggle = document.getElementById("__search")
        if (toggle && !toggle.checked) toggle.click()
        var input = document.querySelector("input.md-search__input")
        if (input) input.focus()
      })
    })

    var controls = document.querySelectorAll("a[data-cf-share]")
    if (!controls.length) return
    var words = strings()
    live = document.createElement("div")
    live.className = "cf-live"
    live.setAttribute("role", "status")
    live.setAttribute("aria-live", "polite")
    document.body.appendChild(live)
    Array.prototype.forEach.call(controls, function (control) {
      control.setAttribute("role", "button")
      control.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return // open the link itself
        event.preventDefault()
        copy(control, words)
      })
      control.addEventListener("keydown", function (event) {
        if (event.key !== " ") return // Enter clicks a link by itself; a button also answers to Space
        event.preventDefault()
        copy(control, words)
      })
    })
  })
})()
