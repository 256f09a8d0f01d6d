package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"
)

// The write-ahead log is copied back into the database file (checkpointed)
// by a connection of its own, on its own goroutine, shortly after each write
// transaction commits, instead of by the writer once the log passes
// wal_autocheckpoint pages. Copying is I/O and page reads: on a 100,000-
// article import it took ten seconds of the single writer's time, which
// the checkpointer now spends beside it. PASSIVE checkpoints wait for no
// one, so readers and the writer go on meanwhile. The writer still
// checkpoints what is left past wal_autocheckpoint pages: only it can
// finish a checkpoint while no commit comes in, after which the log starts
// over from its beginning instead of growing.

// storeCheckpointGap is the least time between two background checkpoints:
// each copies what the commits of the gap wrote, so that a page changed by
// many of them is copied once. An import commits a batch every 150 ms or
// so; at 100 ms most batches were copied on their own, and the pages every
// batch touches (index interiors, the full-text segments being merged)
// were copied again each time. 500 ms took about 2 s off an import of
// 100,000 articles; the log grows by a few batches more between copies.
const storeCheckpointGap = 500 * time.Millisecond

// storeCheckpointer runs PASSIVE checkpoints after commits.
type storeCheckpointer struct {
	db   *sql.DB
	kick chan struct{}
	stop chan struct{}
	done chan struct{}
	// stopOnce lets close be called again, as Store.Close may be.
	stopOnce sync.Once
}

// startCheckpointer opens the checkpointer's connection to the database at
// path and starts it.
func startCheckpointer(path string) (*storeCheckpointer, error) {
	db, err := sql.Open("sqlite", storeDSN(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open checkpointer: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	c := &storeCheckpointer{db: db, kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c, nil
}

// committed tells the checkpointer that a write transaction committed. It
// never blocks.
func (c *storeCheckpointer) committed() { storeWake(c.kick) }

// storeWake wakes the goroutine waiting on kick, a channel of capacity one,
// without blocking: a wake-up already pending covers this one too.
func storeWake(kick chan struct{}) {
	select {
	case kick <- struct{}{}:
	default:
	}
}

func (c *storeCheckpointer) run() {
	defer close(c.done)
	for {
		select {
		case <-c.stop:
			return
		case <-c.kick:
		}
		// A failed checkpoint loses nothing: the log keeps the pages,
		// and the next one, or the writer's, copies them.
		_, _ = c.db.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`)
		select {
		case <-c.stop:
			return
		case <-time.After(storeCheckpointGap):
		}
	}
}

// close stops the checkpointer and closes its connection.
func (c *storeCheckpointer) close() error {
	c.stopOnce.Do(func() { close(c.stop) })
	<-c.done
	return c.db.Close()
}
