package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/framinglens/framinglens/internal/handlers"
)

// runServe runs the dashboard until ctx ends (Ctrl-C), then shuts down
// cleanly: requests in flight finish, rescoring stops, the database closes.
func runServe(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	db := dbFlag(fs)
	authSpec := fs.String("auth", os.Getenv(serveAuthEnv), "require a secret: token:ENVVAR or basic:USER:ENVVAR (the secret is read from ENVVAR; default $"+serveAuthEnv+")")
	publicRead := fs.Bool("auth-public-read", false, "with --auth, leave pages and GET requests open and protect only writes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	auth, err := serveAuth(*addr, *authSpec, *publicRead, os.Getenv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	st, svc, err := openCorpus(ctx, *db, log)
	if err != nil {
		return err
	}
	defer st.Close()
	defer svc.Close()
	// Finish a rescoring that a crash or kill cut short.
	if _, err := svc.ResumeRescore(ctx); err != nil {
		log.Warn("could not check for an interrupted rescoring", "err", err)
	}
	// A database written before the word counts were kept as they are now
	// recounts them once (0.3 s per 2,000 articles): now, rather than
	// when someone first opens a comparison. Stopping the server cancels
	// it, and it is waited for before the database closes.
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		start := time.Now()
		recounted, err := st.EnsureOutletWords(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("could not count the outlets' words", "err", err)
		case recounted && err == nil:
			log.Info("counted the outlets' words again for this version", "took", time.Since(start).Round(time.Millisecond))
		}
	}()
	defer func() { <-counted }()

	opts := handlers.DefaultOptions()
	opts.Log, opts.Auth = log, auth
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler:           handlers.New(svc, opts),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	log.Info("Framing Lens is running", "url", "http://"+ln.Addr().String(), "db", st.Path())
	fmt.Fprintf(stderr, "\n  Open http://%s in your browser. Press Ctrl-C to stop.\n\n", ln.Addr())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
