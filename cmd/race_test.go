//go:build race

package cmd

// raceEnabled: built with -race (TestHugeFileMemory's bound is not
// meaningful with the detector's shadow memory).
const raceEnabled = true
