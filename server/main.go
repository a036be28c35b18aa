// Command carejourney serves the care-journey API and app; see app.Run for
// its subcommands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	_ "time/tzdata" // PROVIDER_TIME_ZONE must resolve on machines without zoneinfo

	"carejourney/server/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := app.Run(ctx, os.Args[1:], app.OSEnv()); err != nil {
		fmt.Fprintln(os.Stderr, "carejourney:", err)
		stop()
		os.Exit(1)
	}
}
