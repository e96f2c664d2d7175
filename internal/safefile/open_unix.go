//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// openNonBlocking opens read-only with O_NONBLOCK, so that a FIFO swapped in
// after the Stat does not block the open; Stat on the file then refuses it.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
