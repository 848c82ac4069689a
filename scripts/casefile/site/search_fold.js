/* casefile: accent-insensitive search, prepended to Material's search worker by postprocess.py.
 *
 * lunr does not fold accents, so "ejercito espia" would not find "Ejército Espía". We fold both
 * sides: every token put into the index (a pipeline step before all others) and every query
 * before Material parses it. The displayed text keeps its accents: only tokens are folded.
 * The language's trimmer is replaced too: lunr.es's strips digits from the ends of a word, so on
 * /es/ "MX0081" was indexed as "mx" and "2023" not at all; ours trims all but letters and digits.
 * Message types are Material's: 0 = setup, 2 = query.
 */
(function () {
  "use strict"
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  }
  var foldToken = function (token) {
    return token.update(fold)
  }
  var trimToken = function (token) {
    return token.update(function (text) {
      return text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    })
  }
  var isTrimmer = function (fn) {  // lunr.trimmer is "trimmer"; lunr.es.trimmer, "trimmer-es"
    return typeof fn.label === "string" && /^trimmer(-|$)/.test(fn.label)
  }
  var patch = function (lunr) {
    if (lunr.__casefileFold) return
    lunr.__casefileFold = true
    lunr.Pipeline.registerFunction(foldToken, "casefileFold")
    lunr.Pipeline.registerFunction(trimToken, "casefileTrim")
    var add = lunr.Builder.prototype.add
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (this.pipeline._stack[0] !== foldToken) {
        [this.pipeline, this.searchPipeline].forEach(function (pipeline) {
          pipeline._stack = pipeline._stack.map(function (fn) { return isTrimmer(fn) ? trimToken : fn })
          pipeline._stack.unshift(foldToken)
        })
      }
      return add.call(this, doc, attributes)
    }
  }
  var listen = self.addEventListener.bind(self)
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options)
    return listen(type, function (event) {
      var message = event.data
      if (message && message.type === 0 && self.lunr) patch(self.lunr)
      if (message && message.type === 2 && typeof message.data === "string")
        message = { type: 2, data: fold(message.data) }
      return listener({ data: message })
    }, options)
  }
})();
