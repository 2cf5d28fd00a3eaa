-- The token-signing key moves out of the database (a key file or the environment, central/README.md
-- "Signing key"), so a database backup no longer lets anyone sign an admin's token. Access tokens signed
-- with the removed key are refused (401); consoles get new ones with their refresh token, which is not
-- signed with it, so nobody has to type a password again.
delete from settings where key = 'jwt_secret';
