// Quick exit: leave for a neutral page and take this page out of the tab's history, so "Back" does not return here.
// Without JavaScript the link still leaves; Escape pressed twice leaves too.
(function () {
  var link = document.getElementById('quick-exit');
  if (!link) { return; }
  function leave(event) {
    if (event) { event.preventDefault(); }
    window.location.replace(link.href);
  }
  link.addEventListener('click', leave);
  var last = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') { return; }
    var now = Date.now();
    if (now - last < 800) { leave(); }
    last = now;
  });
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
