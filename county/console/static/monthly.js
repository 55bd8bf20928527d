// 月报: the 打印 button prints the page (the print stylesheet hides the navigation).
// A file, not an onclick attribute: the console's CSP allows scripts from 'self' only.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("print-report");
  if (button) {
    button.addEventListener("click", function () { window.print(); });
  }
});
