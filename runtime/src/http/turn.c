/* acr runtime: one call at a time per recording (x-acr-one-at-a-time).
 *
 * Each key some call holds has a turn: its holder and a FIFO of waiters, all
 * under the client's lock. Releasing hands the turn directly to the first
 * waiter and wakes that waiter's loop (its eventfd): no broadcast, no thundering
 * herd, and the order is the order of arrival, across every loop and blocking
 * call of the client. */
#include <stdint.h>
#include <string.h>

#include "acr/alloc.h"
#include "http.h"

struct acr_turn {
    acr_turn *next;                     /* its bucket's chain, or the spare */
    const char *key;                    /* the holder's (borrowed: a turn never outlives its holder) */
    size_t hash;                        /* of key: compared before the text */
    acr_turn_waiter *holder;
    acr_turn_waiter *head, *tail;       /* the queue */
};

/* Eight bytes a step, each mixed in by a multiply and a shift: the keys
 * share a long prefix (operation, App ID), so every byte counts, and a byte
 * a step cost 600 instructions a call. */
static size_t turn_hash(const char *key)
{
    size_t n = strlen(key);
    const unsigned char *p = (const unsigned char *)key;
    uint64_t h = 14695981039346656037u ^ n, w;
    for (; n >= 8; n -= 8, p += 8) {
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x9e3779b97f4a7c15u;
        h ^= h >> 29;
    }
    w = 0;
    memcpy(&w, p, n);
    h = (h ^ w) * 0x9e3779b97f4a7c15u;
    return (size_t)(h ^ (h >> 32));
}

static acr_turn **turn_bucket(acr_client *c, size_t hash)
{
    return &c->turns[hash & (c->turn_buckets - 1)];
}

static acr_turn *turn_find(acr_client *c, const char *key, size_t hash)
{
    if (!c->turn_buckets)
        return NULL;
    for (acr_turn *t = *turn_bucket(c, hash); t; t = t->next)
        if (t->hash == hash && strcmp(t->key, key) == 0)
            return t;
    return NULL;
}

/* Doubles the buckets when there are more turns than buckets; out of memory,
 * the chains just grow longer. */
static bool turn_grow(acr_client *c)
{
    if (c->turn_count < c->turn_buckets)
        return true;
    size_t n = c->turn_buckets ? c->turn_buckets * 2 : 16;
    acr_turn **grown = acr_malloc(n * sizeof *grown);
    if (!grown)
        return c->turn_buckets != 0;
    memset(grown, 0, n * sizeof *grown);
    for (size_t i = 0; i < c->turn_buckets; i++) {
        for (acr_turn *t = c->turns[i], *next; t; t = next) {
            next = t->next;
            t->next = grown[t->hash & (n - 1)];
            grown[t->hash & (n - 1)] = t;
        }
    }
    acr_free(c->turns);
    c->turns = grown;
    c->turn_buckets = n;
    return true;
}

/* One turn is kept spare: a recording updated again and again allocates
 * nothing for its turn. */
static void turn_remove(acr_client *c, acr_turn *turn)
{
    for (acr_turn **p = turn_bucket(c, turn->hash); *p; p = &(*p)->next) {
        if (*p == turn) {
            *p = turn->next;
            break;
        }
    }
    c->turn_count--;
    if (c->spare_turn) {
        acr_free(turn);
        return;
    }
    turn->next = NULL;
    c->spare_turn = turn;
}

/* Under the lock: a call of a loop this thread drives holds or waits for the
 * turn (it cannot move while this thread blocks). */
static bool turn_behind_own_loop(const acr_turn *turn)
{
    pthread_t self = pthread_self();
    if (turn->holder->loop && acr_loop_driven_by(turn->holder->loop, self))
        return true;
    for (const acr_turn_waiter *w = turn->head; w; w = w->next)
        if (w->loop && acr_loop_driven_by(w->loop, self))
            return true;
    return false;
}

void acr_turn_free_spare(acr_client *c)
{
    acr_free(c->spare_turn);
    c->spare_turn = NULL;
    acr_free(c->turns);
    c->turns = NULL;
    c->turn_buckets = 0;
}

acr_status acr_turn_take(acr_client *c, const char *key, acr_turn_waiter *w, bool refuse_own, bool *granted,
                         acr_error *err)
{
    *granted = false;
    acr_status status = ACR_OK;
    size_t hash = turn_hash(key); /* outside the lock: the key is the caller's */
    pthread_mutex_lock(&c->lock);
    acr_turn *turn = turn_find(c, key, hash);
    if (!turn) {
        turn = turn_grow(c) ? c->spare_turn ? c->spare_turn : acr_malloc(sizeof *turn) : NULL;
        if (!turn) {
            status = acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
            goto unlock;
        }
        c->spare_turn = NULL;
        memset(turn, 0, sizeof *turn);
        turn->key = key;
        turn->hash = hash;
        acr_turn **bucket = turn_bucket(c, hash);
        turn->next = *bucket;
        *bucket = turn;
        c->turn_count++;
    }
    w->next = NULL;
    w->grant_next = NULL;
    w->on_grants = false;
    w->turn = turn;
    w->key = key;
    if (!turn->holder) {
        turn->holder = w;
        w->granted = true;
        w->thread_known = true;
        w->thread = pthread_self();
        *granted = true;
    } else if (refuse_own && turn->holder->thread_known && pthread_equal(turn->holder->thread, pthread_self())) {
        w->turn = NULL;
        status = acr_error_set(err, ACR_ERR_USAGE,
                               "a call for this recording was made while this thread's own call for it is "
                               "running (from the log callback?): it could never have its turn");
    } else if (refuse_own && turn_behind_own_loop(turn)) {
        w->turn = NULL;
        status = acr_error_set(err, ACR_ERR_USAGE,
                               "a blocking call for this recording was made on the thread of an acr_loop whose "
                               "call holds or waits for its turn: that loop cannot run meanwhile, so it could "
                               "never have its turn");
    } else {
        w->granted = false;
        w->thread_known = false;
        if (turn->tail)
            turn->tail->next = w;
        else
            turn->head = w;
        turn->tail = w;
    }
unlock:
    pthread_mutex_unlock(&c->lock);
    return status;
}

/* Under the lock. */
static void turn_grant_push(acr_turn_waiter *w)
{
    acr_turn_grants *g = acr_loop_grants(w->loop);
    w->grant_next = NULL;
    w->on_grants = true;
    if (g->tail)
        g->tail->grant_next = w;
    else
        g->head = w;
    g->tail = w;
    atomic_store_explicit(&g->any, true, memory_order_relaxed);
}

/* Under the lock: a granted waiter leaving before its loop claimed it (its
 * deadline, a cancel). */
static void turn_grant_drop(acr_turn_waiter *w)
{
    acr_turn_grants *g = acr_loop_grants(w->loop);
    acr_turn_waiter *prev = NULL;
    for (acr_turn_waiter *p = g->head; p; prev = p, p = p->grant_next) {
        if (p != w)
            continue;
        if (prev)
            prev->grant_next = w->grant_next;
        else
            g->head = w->grant_next;
        if (g->tail == w)
            g->tail = prev;
        break;
    }
    w->grant_next = NULL;
    w->on_grants = false;
    if (!g->head)
        atomic_store_explicit(&g->any, false, memory_order_relaxed);
}

acr_turn_waiter *acr_turn_claim(acr_client *c, acr_turn_grants *g)
{
    pthread_mutex_lock(&c->lock);
    acr_turn_waiter *list = g->head;
    g->head = g->tail = NULL;
    atomic_store_explicit(&g->any, false, memory_order_relaxed);
    pthread_t self = pthread_self();
    for (acr_turn_waiter *w = list; w; w = w->grant_next) {
        w->on_grants = false;
        w->thread_known = true;
        w->thread = self;
    }
    pthread_mutex_unlock(&c->lock);
    return list;
}

void acr_turn_leave(acr_client *c, acr_turn_waiter *w)
{
    acr_loop *wake = NULL;
    pthread_mutex_lock(&c->lock);
    acr_turn *turn = w->turn;
    if (!turn)
        goto unlock;
    if (turn->holder == w) {
        if (w->on_grants)
            turn_grant_drop(w);
        acr_turn_waiter *next = turn->head;
        if (next) {
            turn->head = next->next;
            if (!turn->head)
                turn->tail = NULL;
            next->next = NULL;
            next->granted = true;
            turn->holder = next;
            turn->key = next->key; /* the same text, owned by the new holder */
            /* Held under the lock, while the waiter's loop cannot be freed;
             * written after it, so that the woken thread does not find the
             * lock still taken by the write (a second sleep and wake). */
            turn_grant_push(next);
            wake = next->loop;
            acr_loop_wake_hold(wake);
        } else {
            turn_remove(c, turn);
        }
    } else {
        acr_turn_waiter **p = &turn->head;
        acr_turn_waiter *prev = NULL;
        while (*p && *p != w) {
            prev = *p;
            p = &(*p)->next;
        }
        if (*p) {
            *p = w->next;
            if (turn->tail == w)
                turn->tail = prev;
        }
    }
    w->turn = NULL;
    w->granted = false;
    w->next = NULL;
unlock:
    pthread_mutex_unlock(&c->lock);
    if (wake)
        acr_loop_wake(wake);
}
