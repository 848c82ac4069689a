/* casefile: load the search index and the search worker on first use of search, not on page load.
 *
 * Material fetches search/search_index.json (with XMLHttpRequest) and starts its search worker as
 * soon as a page opens: ~40 KB and 2–4 requests that most readers never use. This script runs
 * before Material's bundle (see main.html) and holds both back until the reader reaches for
 * search: focusing the search field (the header button, or the "/", "s" and "f" keys, focus it),
 * or opening a page whose address carries a query (?q=) or a highlight (?h=).
 */
(function () {
  "use strict"
  var active = false
  var waiting = []
  var activate = function () {
    if (active) return
    active = true
    waiting.splice(0).forEach(function (go) { go() })
  }
  var later = function (go) { if (active) go(); else waiting.push(go) }

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/
  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.casefileLazy = INDEX.test(String(url))
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var xhr = this
    var args = arguments
    if (!xhr.casefileLazy) return send.apply(xhr, args)
    later(function () { send.apply(xhr, args) })
  }

  var RealWorker = window.Worker
  var LazyWorker = function (url, options) {
    if (!/\/workers\/search\./.test(String(url))) return new RealWorker(url, options)
    var real = null
    var messages = []
    var listeners = []
    later(function () {
      real = new RealWorker(url, options)
      listeners.forEach(function (args) { real.addEventListener.apply(real, args) })
      messages.forEach(function (args) { real.postMessage.apply(real, args) })
    })
    this.postMessage = function () { if (real) real.postMessage.apply(real, arguments); else messages.push(arguments) }
    this.addEventListener = function () { if (real) real.addEventListener.apply(real, arguments); else listeners.push(arguments) }
    this.removeEventListener = function (type, listener) {
      if (real) return real.removeEventListener.apply(real, arguments)
      listeners = listeners.filter(function (args) { return args[0] !== type || args[1] !== listener })
    }
    this.terminate = function () { if (real) real.terminate() }
  }
  window.Worker = LazyWorker

  if (/[?&](q|h)=/.test(location.search)) activate()
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("input[data-md-component=search-query]")) activate()
  })
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) activate()
  })
})()
