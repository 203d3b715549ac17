//go:build cgo

// Command mapwatch is scripts/bench-launch.sh's stopwatch: it watches the
// X display for a top-level window named NAME to be mapped (shown) and
// prints the wall-clock time it saw it, in nanoseconds since 1970; then,
// on a second line, the time the window's content first changed after
// that (the X Damage extension) to something that is not one flat
// colour: the program's first frame on screen. A Fyne window maps before
// its first paint, and the server clears a mapped window to its
// background at once, so that clearing is set aside; so is a frame of
// the window's background alone. It prints "ready" once it listens, so that the program it times
// is started after. Polling for the window instead (xdotool search, every
// 10 ms) started a process a few ms apart on a 2-core machine for the
// whole launch: it took processor time from the program measured and saw
// the window up to a poll late.
//
// Usage: mapwatch NAME (DISPLAY names the display). Exit 2 when the
// display cannot be opened or has no Damage extension.
package main

/*
#cgo LDFLAGS: -lX11 -lXdamage
#include <stdlib.h>
#include <string.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

static int damageEvent;

// listen opens the display and asks for the root window's children's
// events; -1 when the display cannot be opened.
static int listen(Display **dpy) {
	int err;
	*dpy = XOpenDisplay(NULL);
	if (*dpy == NULL) return -1;
	if (!XDamageQueryExtension(*dpy, &damageEvent, &err)) return -1;
	XSelectInput(*dpy, DefaultRootWindow(*dpy), SubstructureNotifyMask);
	XSync(*dpy, False);
	return 0;
}

// waitMapped returns the child of the root window named name once it is
// mapped, watched for damage from then on, its clearing set aside.
static Window waitMapped(Display *dpy, const char *name, Damage *dmg) {
	for (;;) {
		XEvent e;
		XNextEvent(dpy, &e);
		if (e.type != MapNotify) continue;
		char *got = NULL;
		if (XFetchName(dpy, e.xmap.window, &got) && got != NULL) {
			int same = strcmp(got, name) == 0;
			XFree(got);
			if (same) {
				*dmg = XDamageCreate(dpy, e.xmap.window, XDamageReportNonEmpty);
				XSync(dpy, False);
				XDamageSubtract(dpy, *dmg, None, None);
				XSync(dpy, False);
				XEvent old;
				while (XCheckTypedEvent(dpy, damageEvent + XDamageNotify, &old)) {
				}
				return e.xmap.window;
			}
		}
	}
}

// waitDamaged returns once w's content changes.
static void waitDamaged(Display *dpy, Window w) {
	for (;;) {
		XEvent e;
		XNextEvent(dpy, &e);
		if (e.type == damageEvent + XDamageNotify && ((XDamageNotifyEvent *)&e)->drawable == w) return;
	}
}

// moreDamage says whether w's content changed again since the last
// damage read, reading those events.
static int moreDamage(Display *dpy, Window w) {
	int more = 0;
	XEvent e;
	while (XCheckTypedWindowEvent(dpy, w, damageEvent + XDamageNotify, &e)) more = 1;
	while (XCheckTypedEvent(dpy, damageEvent + XDamageNotify, &e)) {
		if (((XDamageNotifyEvent *)&e)->drawable == w) more = 1;
	}
	return more;
}

// flat says whether every pixel of w has one colour (1), or not (0);
// -1 when its content cannot be read.
static int flat(Display *dpy, Window w, Damage dmg) {
	XDamageSubtract(dpy, dmg, None, None);
	XWindowAttributes wa;
	if (!XGetWindowAttributes(dpy, w, &wa) || wa.width <= 0 || wa.height <= 0) return -1;
	XImage *img = XGetImage(dpy, w, 0, 0, wa.width, wa.height, AllPlanes, ZPixmap);
	if (img == NULL) return -1;
	unsigned long first = XGetPixel(img, 0, 0) & 0xffffff;
	int same = 1;
	for (int y = 0; y < wa.height && same; y++)
		for (int x = 0; x < wa.width; x++)
			if ((XGetPixel(img, x, y) & 0xffffff) != first) { same = 0; break; }
	XDestroyImage(img);
	return same;
}
*/
import "C"

import (
	"fmt"
	"os"
	"time"
	"unsafe"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mapwatch NAME")
		os.Exit(2)
	}
	var dpy *C.Display
	if C.listen(&dpy) != 0 {
		fmt.Fprintln(os.Stderr, "mapwatch: cannot open the display", os.Getenv("DISPLAY"), "or it has no Damage extension")
		os.Exit(2)
	}
	fmt.Println("ready")
	name := C.CString(os.Args[1])
	defer C.free(unsafe.Pointer(name))
	var dmg C.Damage
	w := C.waitMapped(dpy, name, &dmg)
	fmt.Println(time.Now().UnixNano())
	// The first change that is not one flat colour: a window may be
	// shown with its background before its content is ready (Glossa
	// builds its screens while the window is made), and that frame is
	// not the program's first frame. The time is the change's; a change
	// that came while the content was read makes it later.
	for {
		C.waitDamaged(dpy, w)
		t := time.Now().UnixNano()
		if C.moreDamage(dpy, w) != 0 {
			t = time.Now().UnixNano()
		}
		f := C.flat(dpy, w, dmg)
		if C.moreDamage(dpy, w) != 0 {
			t = time.Now().UnixNano()
		}
		if f != 1 {
			fmt.Println(t)
			return
		}
	}
}
