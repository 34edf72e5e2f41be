// Search boxes (Pagefind UI, scoped to the page's locale) and the "/" shortcut.
(function () {
  'use strict';
  function mount(id) {
    var el = document.getElementById(id);
    if (!el || typeof PagefindUI === 'undefined') return;
    new PagefindUI({
      element: '#' + id,
      bundlePath: el.dataset.bundle,
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      translations: { placeholder: el.dataset.placeholder, zero_results: el.dataset.noResults },
    });
  }
  mount('search');
  mount('search-page');
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var input = document.querySelector('#search-page input, #search input');
    if (input) {
      event.preventDefault();
      input.focus();
    }
  });
})();
