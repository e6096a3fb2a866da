// Versus: the search box, the compare picker and the bounce decoder. All three are progressive: the
// forms stay hidden without JavaScript, and every page still links to what they find.
(function () {
  "use strict";

  function setUpSearch(form) {
    var input = form.querySelector("input");
    var results = form.querySelector(".search-results");
    var index = null;
    var loading = null;

    function load() {
      if (!loading) {
        loading = fetch(form.dataset.index)
          .then(function (response) { return response.json(); })
          .then(function (entries) { index = entries; });
      }
      return loading;
    }

    // Case and accents never decide a match: "kullanici" finds "kullanıcı" (Turkish dotless and dotted i
    // are both i), and Arabic text matches with or without its vowel marks and tatweel.
    function normalize(text) {
      return text.toLowerCase().replace(/ı/g, "i").normalize("NFKD")
        .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "");
    }

    // "550 5.7.1", "550-5.1.1", "#5.7.1": the codes in a pasted reply, each matched on its own.
    function codeTokens(query) {
      return query.split(/[\s,;#()\[\]]+|(?<=\d)-(?=\d)/).filter(function (token) { return /^[\dx][\d.x]*$/i.test(token); });
    }

    function scoreCode(entry, token) {
      var upper = token.toUpperCase();
      if (entry.code === upper) return 100;
      if (entry.variants.indexOf(token) !== -1) return 90;
      if (entry.enhanced.indexOf(token) !== -1) return 40;
      if (entry.code.indexOf(upper) === 0) return 20;
      for (var i = 0; i < entry.variants.length; i++) { if (entry.variants[i].indexOf(token) === 0) return 10; }
      return 0;
    }

    // Exact codes first (the page of 5.7.1 before 5.7.10), then pages the code is sent with, then
    // prefixes, then pages whose words contain every word typed.
    function matches(entry, query) {
      var tokens = codeTokens(query);
      if (tokens.length) {
        return tokens.reduce(function (total, token) { return total + scoreCode(entry, token); }, 0);
      }
      var haystack = normalize(entry.title + " " + entry.keywords);
      var words = normalize(query).split(/\s+/).filter(Boolean);
      return words.length && words.every(function (word) { return haystack.indexOf(word) !== -1; }) ? 1 : 0;
    }

    function show() {
      var query = input.value.trim();
      results.textContent = "";
      if (!query || !index) return;
      var found = index
        .map(function (entry) { return { entry: entry, score: matches(entry, query) }; })
        .filter(function (hit) { return hit.score > 0; })
        .sort(function (a, b) { return b.score - a.score; })
        .slice(0, 10);
      if (!found.length) {
        var empty = document.createElement("li");
        empty.textContent = form.dataset.empty;
        results.appendChild(empty);
        return;
      }
      found.forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = hit.entry.url;
        link.textContent = hit.entry.family + " " + hit.entry.code + " " + hit.entry.title;
        item.appendChild(link);
        results.appendChild(item);
      });
    }

    form.hidden = false;
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { load().then(show); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = results.querySelector("a");
      if (first) window.location.href = first.href;
    });
  }

  function setUpPicker(form) {
    var first = form.elements.first;
    var second = form.elements.second;
    var message = form.querySelector(".picker-message");
    var holder = form.closest(".picker-holder");
    if (holder && holder.dataset.selected) {
      first.value = holder.dataset.selected;
      second.selectedIndex = first.selectedIndex === 0 ? 1 : 0;
    } else if (second.options.length > 1) {
      second.selectedIndex = 1;
    }
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (first.value === second.value) {
        message.textContent = form.dataset.same;
        return;
      }
      // Options are in code order, so the lower index is the lower code: the canonical page comes first.
      // The build writes the comparison URL with {first} and {second} in place of the two codes.
      var pair = first.selectedIndex < second.selectedIndex ? [first.value, second.value] : [second.value, first.value];
      window.location.href = form.dataset.url.replace("{first}", pair[0]).replace("{second}", pair[1]);
    });
  }

  // The codes a bounce message, a DSN or an SMTP log holds, in the order they first appear: enhanced
  // codes ("5.7.1", also inside "550-5.7.1" or "Status: 5.1.1") and three-digit reply codes standing
  // alone ("550 5.7.1", "said: 550", "'550 5.1.10 RESOLVER..."). Dotted numbers such as IP addresses
  // and longer numbers are not codes; a match counts only if the site has a page for it. Postfix logs
  // write the enhanced code as "dsn=5.7.1".
  function codesIn(text) {
    var found = [];
    var pattern = /(^|[^\w.@:\/-]|[:;]\s?|-)((?:[245]\.\d{1,3}\.\d{1,3})|(?:[2-5]\d\d))(?=$|[\s\-'"),;:\]]|\.(?!\d))/gm;
    var match;
    while ((match = pattern.exec(text))) {
      var before = text.slice(0, match.index + match[1].length);
      // "192.0.2.1" and "10.5.7.1": a dotted number right before is an address, not a code.
      if (/\d\.$/.test(before)) continue;
      found.push(match[2]);
    }
    return found;
  }

  function setUpDecoder(form) {
    var textarea = form.querySelector("textarea");
    var codeList = form.querySelector(".decoder-codes");
    var comparisonList = form.querySelector(".decoder-comparisons");
    var headings = form.querySelectorAll(".decoder-results h2");
    var none = form.querySelector(".decoder-none");
    var compareURLs = {};
    form.querySelectorAll("input[name=compare]").forEach(function (input) { compareURLs[input.dataset.family] = input.value; });
    var loading = null;

    function load() {
      if (!loading) {
        loading = fetch(form.dataset.index).then(function (response) { return response.json(); });
      }
      return loading;
    }

    function entryFor(index, token) {
      for (var i = 0; i < index.length; i++) {
        if (index[i].code === token || index[i].variants.indexOf(token) !== -1) return i;
      }
      return -1;
    }

    function link(url, text) {
      var anchor = document.createElement("a");
      anchor.href = url;
      anchor.textContent = text;
      return anchor;
    }

    function show(index) {
      codeList.textContent = "";
      comparisonList.textContent = "";
      var seen = [];
      codesIn(textarea.value).forEach(function (token) {
        var position = entryFor(index, token);
        if (position === -1 || seen.some(function (hit) { return hit.position === position; })) return;
        seen.push({ position: position, token: token });
      });
      seen.forEach(function (hit) {
        var entry = index[hit.position];
        var item = document.createElement("li");
        item.appendChild(link(entry.url, entry.family + " " + hit.token + " " + entry.title));
        var summary = document.createElement("p");
        summary.textContent = entry.keywords;
        item.appendChild(summary);
        codeList.appendChild(item);
      });
      // Two codes of one family: their comparison, lower code first (the index is in code order).
      seen.forEach(function (first, i) {
        seen.slice(i + 1).forEach(function (second) {
          var a = index[Math.min(first.position, second.position)];
          var b = index[Math.max(first.position, second.position)];
          var pattern = compareURLs[a.family_id];
          if (a.family_id !== b.family_id || !pattern) return;
          var item = document.createElement("li");
          var shown = first.position < second.position ? [first.token, second.token] : [second.token, first.token];
          item.appendChild(link(pattern.replace("{first}", a.path).replace("{second}", b.path),
                                a.family + " " + shown[0] + " \u2194 " + shown[1]));
          comparisonList.appendChild(item);
        });
      });
      headings[0].hidden = !codeList.children.length;
      headings[1].hidden = !comparisonList.children.length;
      none.hidden = !!codeList.children.length || !textarea.value.trim();
      none.textContent = form.dataset.none;
    }

    textarea.addEventListener("focus", load);
    textarea.addEventListener("input", function () { load().then(show); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      load().then(show);
    });
  }

  document.querySelectorAll("form.search").forEach(setUpSearch);
  document.querySelectorAll("form.decoder").forEach(setUpDecoder);
  document.querySelectorAll("form.picker").forEach(setUpPicker);
})();
