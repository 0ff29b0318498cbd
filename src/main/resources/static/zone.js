// The sign-in form sends the browser's time zone, so the pages show times where the person is until their
// staff profile names a zone.
(function () {
  document.querySelectorAll('input[name=zone]').forEach(function (input) {
    try {
      input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    } catch (e) {
      input.value = '';
    }
  });
})();
