package browsertest

import (
	"net/url"
	"slices"
	"strings"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// record is the tab's event listener. It runs in chromedp's read loop, so
// it only appends under the lock.
func (b *Browser) record(ev any) {
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Request != nil {
			b.add(&b.requests, ev.Request.URL)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			b.add(&b.console, "console."+string(ev.Type)+": "+argsText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		if d := ev.ExceptionDetails; d != nil {
			text := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				text += " " + d.Exception.Description
			}
			b.add(&b.console, "exception: "+text)
		}
	case *log.EventEntryAdded:
		// Failed loads, CSP violations and the like arrive as browser log
		// entries of level error.
		if e := ev.Entry; e != nil && e.Level == log.EntryLevelError && !isFaviconProbe(e.URL) {
			b.add(&b.console, "log "+string(e.Source)+": "+e.Text+" "+e.URL)
		}
	}
}

// isFaviconProbe reports whether a URL is the /favicon.ico Chromium asks
// for on its own when a page links no icon. Its 404 is the browser's guess
// failing, not the page's error, and it arrives at unpredictable times (so
// it would be blamed on whichever page loads next). Pages should still link
// /assets/favicon.svg.
func isFaviconProbe(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Path == "/favicon.ico"
}

func (b *Browser) add(list *[]string, s string) {
	b.mu.Lock()
	*list = append(*list, s)
	b.mu.Unlock()
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a == nil:
		case len(a.Value) > 0:
			parts = append(parts, strings.Trim(string(a.Value), `"`))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// ConsoleErrors returns what the current page reported as errors:
// console.error and console.assert calls, uncaught exceptions, and browser
// log entries of level error (failed requests, CSP violations).
func (b *Browser) ConsoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.console)
}

// Requests returns the URL of every request the current page made, in
// order.
func (b *Browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.requests)
}

// ExternalRequests returns the requests that did not go to the loopback
// host (127.0.0.1, ::1 or localhost). data:, blob: and about: URLs load
// nothing from a network and are not counted.
func (b *Browser) ExternalRequests() []string {
	var out []string
	for _, r := range b.Requests() {
		if !isLocal(r) {
			out = append(out, r)
		}
	}
	return out
}

func isLocal(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	case "http", "https", "ws", "wss":
		h := u.Hostname()
		return h == "127.0.0.1" || h == "::1" || h == "localhost"
	}
	return false
}
