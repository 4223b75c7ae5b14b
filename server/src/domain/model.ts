// The workshop's data types and command schemas live in `shared/` (clients use them too).
export * from '@plenary/shared';
