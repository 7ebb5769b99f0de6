/*
 * Search box autocomplete, as progressive enhancement: without JavaScript the box is a plain
 * search form. With it, titles from /api/v1/suggest fill a native <datalist>, which browsers
 * and screen readers already know how to present (no custom listbox to get wrong).
 * Include once per page: <script src="{% static 'search/suggest.js' %}" defer></script>
 */
(function () {
  "use strict";
  var MIN_CHARS = 2;
  var DELAY_MS = 150;

  function enhance(input, n) {
    var list = document.createElement("datalist");
    list.id = "search-suggestions-" + n;
    input.setAttribute("list", list.id);
    input.insertAdjacentElement("afterend", list);
    var timer = null;
    var controller = null;

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < MIN_CHARS) {
        list.replaceChildren();
        return;
      }
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = new AbortController();
        fetch("/api/v1/suggest?q=" + encodeURIComponent(text), {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggestions.map(function (s) {
              var option = document.createElement("option");
              option.value = s.title;
              return option;
            }));
          })
          .catch(function () { /* offline or aborted: the plain search still works */ });
      }, DELAY_MS);
    });
  }

  document.querySelectorAll('input[type="search"][name="q"]').forEach(enhance);
})();
