export { departmentName, selectOwnDepartment, territoryRouterFor } from './selectors';
