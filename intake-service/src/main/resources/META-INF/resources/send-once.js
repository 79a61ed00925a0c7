// Sends a form once: a second click while the first post is on its way does nothing. Without JavaScript the server
// still files a repeated post of the same form once (its submission key).
(function () {
  Array.prototype.forEach.call(document.querySelectorAll('form[method=post]'), function (form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-sent') === 'true') {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-sent', 'true');
      var button = form.querySelector('button[type=submit]');
      if (button) { button.setAttribute('aria-disabled', 'true'); }
    });
  });
})();
