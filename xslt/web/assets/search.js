// Pagefind's search UI on the search page (offline; the index lives in pagefind/).
window.addEventListener("DOMContentLoaded", () => {
  if (window.PagefindUI) {
    new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false });
  }
});
