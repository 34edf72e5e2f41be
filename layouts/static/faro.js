// faro help center: Pagefind search boxes (scoped to the page's locale by <html lang>),
// keyboard use ("/" focuses search; arrows move through results; Enter opens), and the
// table of contents following the section being read.
(function () {
  'use strict';

  var searches = [];

  function mountSearch(container) {
    if (typeof PagefindUI === 'undefined') return;
    var data = container.dataset;
    var mode = data.faroSearch;
    var fallback = container.querySelector('.faro-search__fallback');
    if (fallback) fallback.remove();
    var ui = new PagefindUI({
      element: '#' + container.id,
      bundlePath: data.bundle,
      showImages: false,
      showSubResults: mode !== 'header',
      resetStyles: false,
      pageSize: mode === 'header' ? 6 : 10,
      autofocus: false,
      // Filters open beside the results on wide screens; on phones they would push results down.
      openFilters: mode === 'page' && window.matchMedia('(min-width: 48rem)').matches ? [data.filterCategory, data.filterTag] : [],
      translations: { placeholder: data.placeholder, zero_results: data.noResults },
      processResult: useSiteUrl,
    });
    var input = container.querySelector('input');
    if (input) {
      input.setAttribute('aria-label', data.label);
      input.setAttribute('enterkeyhint', 'search');
    }
    searches.push({ container: container, ui: ui, mode: mode });
    container.addEventListener('keydown', function (event) { onSearchKey(event, container, mode); });
    if (mode === 'page') {
      var query = new URLSearchParams(location.search).get('q');
      if (query) {
        ui.triggerSearch(query);
        listAllFilters(container, ui, [data.filterCategory, data.filterTag]);
      }
      // Keep the words in the address, so reload, back and shared links show the same results.
      if (input) input.addEventListener('input', function () {
        var url = new URL(location.href);
        if (input.value.trim()) url.searchParams.set('q', input.value.trim());
        else url.searchParams.delete('q');
        history.replaceState(null, '', url);
      });
    }
  }

  // Pagefind UI lists the filter groups of a search's results. When a search runs before the
  // UI has loaded its filters (a page opened with ?q= on a slow device), groups whose data
  // had not arrived yet are missing until the next search; searching again once they have
  // arrived lists them. Tries for a few seconds (a site may have no tags at all).
  function listAllFilters(container, ui, names) {
    var tries = 0;
    var timer = setInterval(function () {
      var shown = Array.prototype.map.call(container.querySelectorAll('.pagefind-ui__filter-name'), function (name) {
        return name.textContent.trim();
      });
      var missing = names.some(function (name) { return shown.indexOf(name) < 0; });
      var input = container.querySelector('input');
      if (!missing || ++tries > 20) return clearInterval(timer);
      if (shown.length > 0 && input && input.value.trim()) ui.triggerSearch(input.value.trim());
    }, 250);
  }

  // Pagefind knows pages by file (`a.html`); link to the URL the site gives them instead.
  function useSiteUrl(result) {
    var own = result.meta && result.meta.url;
    if (own && own !== result.url) {
      var file = result.url;
      result.url = own;
      (result.sub_results || []).forEach(function (sub) {
        if (sub.url.indexOf(file) === 0) sub.url = own + sub.url.slice(file.length);
      });
    }
    return result;
  }

  function resultLinks(container) {
    return Array.prototype.slice.call(container.querySelectorAll('.pagefind-ui__result-link'));
  }

  function onSearchKey(event, container, mode) {
    var input = container.querySelector('.pagefind-ui__search-input');
    if (!input) return;
    var items = [input].concat(resultLinks(container));
    var at = items.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      var next = event.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
      items[next].focus();
      event.preventDefault();
    } else if (event.key === 'Escape') {
      if (input.value) {
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      input.focus();
      if (mode === 'header') input.blur();
      event.preventDefault();
    } else if (event.key === 'Enter' && at === 0 && mode !== 'page') {
      // Enter in a small box opens the full search page (with filters) for the words.
      var term = input.value.trim();
      if (term && container.dataset.searchPage) location.href = container.dataset.searchPage + '?q=' + encodeURIComponent(term);
      event.preventDefault();
    }
  }

  function focusSearchShortcut(event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var input = document.querySelector('.faro-search .pagefind-ui__search-input, .faro-search input');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  }

  // The TOC link of the last heading scrolled past the top band of the window (the
  // section being read); at the very bottom, the last one.
  var READING_LINE = 96;
  function followSections() {
    var toc = document.querySelector('.toc');
    if (!toc) return;
    if (window.matchMedia('(max-width: 63.99rem)').matches) toc.removeAttribute('open');
    else toc.querySelector('summary').addEventListener('click', function (event) { event.preventDefault(); });
    var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
    var entries = links
      .map(function (link) {
        var id = link.getAttribute('href').slice(1);
        try { id = decodeURIComponent(id); } catch (error) { /* a literal % in the id */ }
        return { link: link, heading: document.getElementById(id) };
      })
      .filter(function (entry) { return entry.heading; });
    if (!entries.length || typeof IntersectionObserver === 'undefined') return;
    var current = null;
    function mark(active) {
      if (active === current) return;
      if (current) current.link.removeAttribute('aria-current');
      active.link.setAttribute('aria-current', 'true');
      current = active;
    }
    // A followed link stays current until the reader scrolls again (the last sections
    // may never reach the top of the window).
    var pinned = false;
    function update() {
      if (pinned) return;
      var root = document.documentElement;
      if (window.scrollY > 0 && window.innerHeight + window.scrollY >= root.scrollHeight - 2) return mark(entries[entries.length - 1]);
      var active = entries[0];
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].heading.getBoundingClientRect().top <= READING_LINE) active = entries[i];
      }
      mark(active);
    }
    var band = '0px 0px ' + -(window.innerHeight - READING_LINE) + 'px 0px';
    var observer = new IntersectionObserver(update, { rootMargin: band, threshold: [0, 1] });
    entries.forEach(function (entry) { observer.observe(entry.heading); });
    window.addEventListener('scroll', function () {
      var root = document.documentElement;
      if (window.innerHeight + window.scrollY >= root.scrollHeight - 2) update();
    }, { passive: true });
    window.addEventListener('hashchange', function () {
      var hash = location.hash.slice(1);
      try { hash = decodeURIComponent(hash); } catch (error) { /* keep it raw */ }
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].heading.id === hash) {
          mark(entries[i]);
          pinned = true;
        }
      }
    });
    ['wheel', 'touchstart', 'keydown'].forEach(function (type) {
      window.addEventListener(type, function () { pinned = false; }, { passive: true });
    });
    update();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-faro-search]'), mountSearch);
    document.addEventListener('keydown', focusSearchShortcut);
    followSections();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
