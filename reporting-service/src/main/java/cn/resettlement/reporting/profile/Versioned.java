package cn.resettlement.reporting.profile;

/**
 * A stored value and its version (the ETag); version 0 means nothing is stored yet.
 *
 * @param value the value
 * @param version its version
 */
public record Versioned<T>(T value, long version) {

}
