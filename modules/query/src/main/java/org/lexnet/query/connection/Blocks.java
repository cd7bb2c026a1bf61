package org.lexnet.query.connection;

/**
 * The rule other read models apply in SQL when they hide one member from another: a block counts either
 * way (whoever blocked whom), read from the network's {@code block_view}. One place for the condition, so
 * every list treats a block alike.
 */
public final class Blocks {

    private Blocks() {
    }

    /**
     * A condition true when either of the two members (SQL expressions: columns, or {@code ?} / named
     * parameters, each bound in the order they appear: {@code one}, {@code other}, {@code other},
     * {@code one}) has blocked the other.
     */
    public static String eitherWay(String one, String other) {
        return "exists (select 1 from block_view blk where blk.blocker_id = " + one + " and blk.blocked_id = " + other
               + " or blk.blocker_id = " + other + " and blk.blocked_id = " + one + ")";
    }
}
