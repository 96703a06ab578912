/** Names this run's template database; the first test file that needs it creates and migrates it (test-database.ts). */
module.exports = async function globalSetup() {
  process.env.COMMITTEE_WORK_TEST_TEMPLATE = `cw_test_${Date.now().toString(36)}_${process.pid}_template`;
};
