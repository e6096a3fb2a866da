// Versus: the search box, the compare picker and the bounce decoder. All three are progressive: the
// forms stay hidden without JavaScript, and every page still links to what they find.
(function () {
  "use strict";

  // One fetch of a locale's search index per page, shared by the search box and the decoder, and
  // only once the reader focuses one of them.
  var indexes = {};
  function loadIndex(url) {
    if (!indexes[url]) {
      indexes[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return indexes[url];
  }

  // Case and accents never decide a match: "kullanici" finds "kullanıcı" (Turkish dotless and dotted i
  // are both i), and Arabic text matches with or without its vowel marks and tatweel.
  function normalize(text) {
    return text.toLowerCase().replace(/ı/g, "i").normalize("NFKD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "");
  }

  // Written without spaces between words: every word typed is looked for anywhere in the text.
  var unspaced = /^(ja|zh|th)/;

  // A light English stemmer, the same on both sides, so that "denied" finds "deny" and "relaying"
  // finds "relay".
  function stemEnglish(word) {
    if (word.length <= 3 || /\d/.test(word)) return word;
    // One suffix at most: "refused" loses "ed", not then its "s" as well.
    var rules = [[/ie[sd]$/, "i"], [/ing$|ed$/, ""], [/(s|x|z|ch|sh)es$/, "$1"], [/([^su])s$/, "$1"]];
    for (var i = 0; i < rules.length; i++) {
      if (rules[i][0].test(word)) { word = word.replace(rules[i][0], rules[i][1]); break; }
    }
    return word.length > 3 ? word.replace(/y$/, "i").replace(/e$/, "") : word;
  }

  // Light stemmers for the other inflected languages: the longest ending of the list comes off, if
  // what is left keeps at least `keep` letters. Both sides are stemmed, so "refusées" finds "refusé"
  // and "Verbindungen" finds "Verbindung"; a typed word still matches the start of the page's words,
  // which serves the endings no list has. Turkish stacks its endings ("kutusunun" is kutu + su + nun),
  // so they come off one after another. Endings are written as the text is normalised (no accents).
  var endings = {
    de: { keep: 4, list: "ungen ung heiten heit keiten keit ern em en er es e n s" },
    nl: { keep: 4, list: "heden heid ingen ing en er e s" },
    fr: { keep: 4, list: "ements ement ations ation ees ee es er ez e s x" },
    es: { keep: 4, list: "aciones acion amientos amiento mente ados adas ado ada idos idas ido ida ando iendo ar er ir es as os a o e s" },
    pt: { keep: 4, list: "acoes acao amentos amento mente ados adas ado ada idos idas ido ida ando endo indo ar er ir es as os a o e s" },
    it: { keep: 4, list: "azioni azione amenti amento mente ati ate ato ata iti ite ito ita are ere ire ando endo i e a o" },
    pl: { keep: 4, list: "owania owanie owany owana owac ami ach ow ego emu ym ej om ie y i a e u o" },
    ru: { keep: 4, list: "иями ями ами ого его ому ему ыми ими ых их ую юю ая яя ое ее ые ие ый ий ой ом ем ах ях ов ев ей ам ям ть ет ют ут ит ат ят ла ло ли а я о е ы и у ю ь" },
    tr: { keep: 4, repeat: true, list: "lerinin larinin lerin larin leri lari ler lar nin nun dan den tan ten da de ta te yi yu si su in un i u a e" },
    id: { keep: 4, list: "kan an nya lah kah i" },
    hi: { keep: 2, list: "ियों ियां ाओं ाएं ों ें ीं ाँ ां ी े ा" },
    // Arabic also joins the article and some prepositions to the word's front ("البريد", "بالبريد").
    ar: { keep: 3, list: "ات ون ين ان ها ية ة ه", front: "وال بال كال فال لل ال" }
  };

  function suffixStemmer(rules) {
    var list = rules.list.split(" ").map(normalize).sort(function (a, b) { return b.length - a.length; });
    var front = rules.front ? rules.front.split(" ").map(normalize) : [];
    // keepFront: leave the front as typed, for a word whose own first letters look like the article
    // ("إلكتروني", which a page writes "الإلكتروني").
    return function (word, keepFront) {
      if (/\d/.test(word)) return word;
      for (var f = 0; f < front.length && !keepFront; f++) {
        if (word.length - front[f].length >= rules.keep && word.indexOf(front[f]) === 0) { word = word.slice(front[f].length); break; }
      }
      for (var changed = true; changed;) {
        changed = false;
        for (var i = 0; i < list.length; i++) {
          var ending = list[i];
          if (word.length - ending.length >= rules.keep && word.slice(-ending.length) === ending) {
            word = word.slice(0, -ending.length);
            changed = !!rules.repeat;
            break;
          }
        }
      }
      return word;
    };
  }

  function stemmerFor(lang) {
    if (/^en/.test(lang)) return stemEnglish;
    var rules = endings[lang.split("-")[0]];
    return rules ? suffixStemmer(rules) : function (word) { return word; };
  }

  function splitWords(text) {
    return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  }

  function searchLanguage(lang) {
    var stem = stemmerFor(lang);
    var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(lang, { granularity: "word" }) : null;
    return {
      unspaced: unspaced.test(lang),
      // " relay deni ... ": word starts are found with indexOf(" " + word).
      words: function (text) { return " " + splitWords(normalize(text)).map(stem).join(" ") + " "; },
      // The words typed; ja, zh-hans, ko and th are cut into words by the browser's segmenter.
      query: function (text) {
        var words = segmenter
          ? Array.from(segmenter.segment(text)).filter(function (s) { return s.isWordLike; }).map(function (s) { return s.segment; })
          : text.split(/\s+/);
        // Each word typed with its other reading, when its front may or may not be the article.
        return words.map(normalize).filter(Boolean).map(function (word) {
          var stemmed = stem(word), whole = stem(word, true);
          return stemmed === whole ? [stemmed] : [stemmed, whole];
        });
      }
    };
  }

  function occurrences(haystack, needle) {
    var count = 0;
    for (var at = haystack.indexOf(needle); at !== -1 && count < 5; at = haystack.indexOf(needle, at + needle.length)) count++;
    return count;
  }

  function setUpSearch(form) {
    var input = form.querySelector("input");
    var results = form.querySelector(".search-results");
    var language = searchLanguage(document.documentElement.lang || "en");
    var index = null;

    function load() {
      return Promise.all([loadIndex(form.dataset.index), loadIndex(form.dataset.text)]).then(function (files) {
        if (!index) {
          index = files[0].map(function (entry, position) {
            var text = files[1][position] || "";
            return {
              entry: entry,
              title: language.words(entry.title), summary: language.words(entry.keywords), text: language.words(text),
              plain: normalize(entry.title + " " + entry.keywords + " " + text)
            };
          });
        }
      });
    }

    // "550 5.7.1", "550-5.1.1", "#5.7.1": the codes in a pasted reply, each matched on its own.
    function codeTokens(query) {
      return query.split(/[\s,;#()\[\]]+|(?<=\d)-(?=\d)/).filter(function (token) { return /^[\dx][\d.x]*$/i.test(token); });
    }

    function scoreCode(entry, token) {
      var upper = token.toUpperCase();
      if (entry.code === upper) return 1000;
      if (entry.variants.indexOf(token) !== -1) return 900;
      if (entry.enhanced.indexOf(token) !== -1) return 400;
      if (entry.code.indexOf(upper) === 0) return 200;
      for (var i = 0; i < entry.variants.length; i++) { if (entry.variants[i].indexOf(token) === 0) return 100; }
      return 0;
    }

    // A word typed: in the title counts most, then the summary, then the page's text (more often, a
    // little more). Spaced languages match it at the start of a word; unspaced ones anywhere.
    function scoreWord(page, readings) {
      return Math.max.apply(null, readings.map(function (word) { return scoreReading(page, word); }));
    }

    function scoreReading(page, word) {
      var needle = language.unspaced ? word : " " + word;
      var score = (page.title.indexOf(needle) !== -1 ? 20 : 0) + (page.summary.indexOf(needle) !== -1 ? 8 : 0)
        + occurrences(language.unspaced ? page.plain : page.text, needle);
      // German and Dutch compounds ("Postfachspeicher"): a longer word also counts inside a word.
      if (!score && !language.unspaced && word.length >= 5 && page.plain.indexOf(word) !== -1) score = 1;
      return score;
    }

    // The query, read once per keystroke rather than once per page.
    function parse(query) {
      return {
        tokens: codeTokens(query),
        words: language.query(query.replace(/[\dx]*\d[\d.x-]*/gi, " ")),
        phrase: normalize(query.trim())
      };
    }

    // Exact codes first (the page of 5.7.1 before 5.7.10), then pages the code is sent with, then
    // prefixes; words typed beside codes only order those. Without codes, a page must hold every
    // word typed, and a page holding them as one phrase comes first.
    function score(page, parsed) {
      var tokens = parsed.tokens, words = parsed.words;
      var total = 0;
      if (tokens.length) {
        total = tokens.reduce(function (sum, token) { return sum + scoreCode(page.entry, token); }, 0);
        return total ? total + words.reduce(function (sum, word) { return sum + scoreWord(page, word); }, 0) : 0;
      }
      if (!words.length) return 0;
      for (var i = 0; i < words.length; i++) {
        var wordScore = scoreWord(page, words[i]);
        if (!wordScore) return 0;
        total += wordScore;
      }
      return total + (words.length > 1 && page.plain.indexOf(parsed.phrase) !== -1 ? 30 : 0);
    }

    function show() {
      var query = input.value.trim();
      results.textContent = "";
      if (!query || !index) return;
      var parsed = parse(query);
      var found = index
        .map(function (page, position) { return { page: page, position: position, score: score(page, parsed) }; })
        .filter(function (hit) { return hit.score > 0; })
        .sort(function (a, b) { return b.score - a.score || a.position - b.position; })
        .slice(0, 10);
      if (!found.length) {
        var empty = document.createElement("li");
        empty.textContent = form.dataset.empty;
        results.appendChild(empty);
        return;
      }
      found.forEach(function (hit) {
        var entry = hit.page.entry;
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.family + " " + entry.code + " " + entry.title;
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
  //
  // Providers' tags ("[TSS04]" from Yahoo) are found too, as { tag: "TSS04", at: position }, when the
  // index knows them; codes come as { code: "550", at: position }, all in the order of the text.
  function codesIn(text, knownTags) {
    var found = [];
    var pattern = /(^|[^\w.@:\/-]|[:;]\s?|-)((?:[245]\.\d{1,3}\.\d{1,3})|(?:[2-5]\d\d))(?=$|[\s\-'"),;:\]]|\.(?!\d))/gm;
    var match;
    while ((match = pattern.exec(text))) {
      var before = text.slice(0, match.index + match[1].length);
      // "192.0.2.1" and "10.5.7.1": a dotted number right before is an address, not a code.
      if (/\d\.$/.test(before)) continue;
      found.push({ code: match[2], at: match.index + match[1].length });
    }
    var tagPattern = /\b([A-Z]{2,6}\d{1,4})\b/g;
    while ((match = tagPattern.exec(text))) {
      if (knownTags[match[1]]) found.push({ tag: match[1], at: match.index });
    }
    return found.sort(function (a, b) { return a.at - b.at; });
  }

  function setUpDecoder(form) {
    var textarea = form.querySelector("textarea");
    var codeList = form.querySelector(".decoder-codes");
    var comparisonList = form.querySelector(".decoder-comparisons");
    var headings = form.querySelectorAll(".decoder-results h2");
    var none = form.querySelector(".decoder-none");
    var compareURLs = {};
    form.querySelectorAll("input[name=compare]").forEach(function (input) { compareURLs[input.dataset.family] = input.value; });
    function load() { return loadIndex(form.dataset.index); }

    function entryFor(index, token) {
      for (var i = 0; i < index.length; i++) {
        if (index[i].code === token || index[i].variants.indexOf(token) !== -1) return i;
      }
      return -1;
    }

    // Every provider tag the index knows: { TSS04: { provider: "Yahoo", position: 12 } }.
    var knownTags = null;
    function tagsOf(index) {
      if (!knownTags) {
        knownTags = {};
        index.forEach(function (entry, position) {
          (entry.tags || []).forEach(function (tag) { knownTags[tag.tag] = { provider: tag.provider, position: position }; });
        });
      }
      return knownTags;
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
      var tags = tagsOf(index);
      codesIn(textarea.value, tags).forEach(function (found) {
        // A tag stands for its code: the code's entry, with the tag noted under it.
        var position = found.tag ? tags[found.tag].position : entryFor(index, found.code);
        if (position === -1) return;
        var hit = seen.filter(function (hit) { return hit.position === position; })[0];
        if (!hit) {
          hit = { position: position, token: found.code || index[position].code, tags: [] };
          seen.push(hit);
        }
        if (found.tag && hit.tags.indexOf(found.tag) === -1) hit.tags.push(found.tag);
      });
      seen.forEach(function (hit) {
        var entry = index[hit.position];
        var item = document.createElement("li");
        item.appendChild(link(entry.url, entry.family + " " + hit.token + " " + entry.title));
        hit.tags.forEach(function (tag) {
          var note = document.createElement("p");
          note.className = "decoder-tag";
          note.textContent = tags[tag].provider + " [" + tag + "]";
          item.appendChild(note);
        });
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
