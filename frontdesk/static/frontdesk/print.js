// The "Cetak" buttons of the ticket and the printable guest book (no inline script under the CSP).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
