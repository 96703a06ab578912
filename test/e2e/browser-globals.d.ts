// The browser tests hand functions to the page (page.evaluate), which run there with the DOM's globals.
/// <reference lib="dom" />
