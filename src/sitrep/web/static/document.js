// The document page: a statement in the list and its words in the text mark each other while
// the pointer (or the keyboard focus) is on either; both carry the statement's id in
// data-statement. Nothing is read from the page but that attribute.
(function () {
  "use strict";
  function mark(id, on) {
    document.querySelectorAll('[data-statement="' + CSS.escape(id) + '"]').forEach(function (element) {
      element.classList.toggle("marked", on);
    });
  }
  function follow(type, on) {
    document.addEventListener(type, function (event) {
      var element = event.target.closest ? event.target.closest("[data-statement]") : null;
      if (element) { mark(element.dataset.statement, on); }
    });
  }
  follow("mouseover", true);
  follow("mouseout", false);
  follow("focusin", true);
  follow("focusout", false);
})();
