import { sql } from 'kysely';
import type { Executor } from './repo.js';
import { identityDb } from './tables.js';

/** SQL for sign-in throttling by (username, address) and by username; nothing else. */
export function createThrottleRepo() {
  const name = (username: string) => username.toLowerCase();
  return {
    addressThrottle(db: Executor, username: string, address: string) {
      return identityDb(db)
        .selectFrom('login_address_throttle')
        .selectAll()
        .where('username', '=', name(username))
        .where('address', '=', address)
        .executeTakeFirst();
    },

    /** Counts one failure of the pair, starting again when the last one is older than `forgetBefore`. */
    recordAddressFailure(
      db: Executor,
      username: string,
      address: string,
      at: Date,
      forgetBefore: Date,
    ) {
      return identityDb(db)
        .insertInto('login_address_throttle')
        .values({ username: name(username), address, failures: 1, last_failure_at: at })
        .onConflict((oc) =>
          oc.columns(['username', 'address']).doUpdateSet({
            failures: sql<number>`case when login_address_throttle.last_failure_at < ${forgetBefore}
              then 1 else login_address_throttle.failures + 1 end`,
            locked_until: sql<Date | null>`case when login_address_throttle.last_failure_at < ${forgetBefore}
              then null else login_address_throttle.locked_until end`,
            last_failure_at: at,
          }),
        )
        .returning(['failures'])
        .executeTakeFirstOrThrow();
    },

    /** Forgets pairs whose last failure is older than `before`, so guessing across many names leaves no lasting rows. */
    async forgetAddressesBefore(db: Executor, before: Date): Promise<void> {
      await identityDb(db)
        .deleteFrom('login_address_throttle')
        .where('last_failure_at', '<', before)
        .execute();
    },

    lockAddress(db: Executor, username: string, address: string, until: Date) {
      return identityDb(db)
        .updateTable('login_address_throttle')
        .set({ locked_until: until })
        .where('username', '=', name(username))
        .where('address', '=', address)
        .execute();
    },

    /** Addresses that reached the threshold for this username and failed again since `since`. */
    async slowedAddresses(
      db: Executor,
      username: string,
      threshold: number,
      since: Date,
    ): Promise<number> {
      const row = await identityDb(db)
        .selectFrom('login_address_throttle')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('username', '=', name(username))
        .where('failures', '>=', threshold)
        .where('last_failure_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    accountThrottle(db: Executor, username: string) {
      return identityDb(db)
        .selectFrom('login_throttle')
        .selectAll()
        .where('username', '=', name(username))
        .executeTakeFirst();
    },

    /** Counts one failure of the username from anywhere (kept for operators) and returns the count. */
    recordAccountFailure(db: Executor, username: string, at: Date) {
      return identityDb(db)
        .insertInto('login_throttle')
        .values({ username: name(username), failures: 1, last_failure_at: at })
        .onConflict((oc) =>
          oc
            .column('username')
            .doUpdateSet({ failures: sql`login_throttle.failures + 1`, last_failure_at: at }),
        )
        .returning(['failures'])
        .executeTakeFirstOrThrow();
    },

    lockAccount(db: Executor, username: string, until: Date) {
      return identityDb(db)
        .updateTable('login_throttle')
        .set({ locked_until: until })
        .where('username', '=', name(username))
        .execute();
    },

    /** After a good sign-in: the username's lock and this address's count start over. */
    async clearAfterSignIn(db: Executor, username: string, address: string): Promise<void> {
      await identityDb(db)
        .deleteFrom('login_throttle')
        .where('username', '=', name(username))
        .execute();
      await identityDb(db)
        .deleteFrom('login_address_throttle')
        .where('username', '=', name(username))
        .where('address', '=', address)
        .execute();
    },

    /** An admin's unlock: every count and lock of the username, from every address. */
    async clearAll(
      db: Executor,
      username: string,
    ): Promise<{ addresses: number; wasLocked: boolean }> {
      const account = await identityDb(db)
        .deleteFrom('login_throttle')
        .where('username', '=', name(username))
        .returning('locked_until')
        .executeTakeFirst();
      const pairs = await identityDb(db)
        .deleteFrom('login_address_throttle')
        .where('username', '=', name(username))
        .returning('address')
        .execute();
      return { addresses: pairs.length, wasLocked: account?.locked_until != null };
    },
  };
}

export type ThrottleRepo = ReturnType<typeof createThrottleRepo>;
